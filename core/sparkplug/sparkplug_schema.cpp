#include "core/sparkplug/sparkplug_schema.h"

#include <google/protobuf/compiler/parser.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <array>
#include <cstdlib>
#include <cstring>

namespace mqttdesk {

namespace pb = google::protobuf;

namespace {

// The payload as the specification describes it (chapter "Sparkplug B Payload"): field
// numbers and types are the wire contract every edge node and host application shares.
constexpr const char *kSchema = R"(
syntax = "proto2";
package org.eclipse.tahu.protobuf;

message Payload {
  message Template {
    message Parameter {
      optional string name = 1;
      optional uint32 type = 2;
      oneof value {
        uint32 int_value = 3;
        uint64 long_value = 4;
        float float_value = 5;
        double double_value = 6;
        bool boolean_value = 7;
        string string_value = 8;
        ParameterValueExtension extension_value = 9;
      }
      message ParameterValueExtension { extensions 1 to max; }
    }
    optional string version = 1;
    repeated Metric metrics = 2;
    repeated Parameter parameters = 3;
    optional string template_ref = 4;
    optional bool is_definition = 5;
    extensions 6 to max;
  }
  message DataSet {
    message DataSetValue {
      oneof value {
        uint32 int_value = 1;
        uint64 long_value = 2;
        float float_value = 3;
        double double_value = 4;
        bool boolean_value = 5;
        string string_value = 6;
        DataSetValueExtension extension_value = 7;
      }
      message DataSetValueExtension { extensions 1 to max; }
    }
    message Row {
      repeated DataSetValue elements = 1;
      extensions 2 to max;
    }
    optional uint64 num_of_columns = 1;
    repeated string columns = 2;
    repeated uint32 types = 3;
    repeated Row rows = 4;
    extensions 5 to max;
  }
  message PropertyValue {
    optional uint32 type = 1;
    optional bool is_null = 2;
    oneof value {
      uint32 int_value = 3;
      uint64 long_value = 4;
      float float_value = 5;
      double double_value = 6;
      bool boolean_value = 7;
      string string_value = 8;
      PropertySet propertyset_value = 9;
      PropertySetList propertysets_value = 10;
      PropertyValueExtension extension_value = 11;
    }
    message PropertyValueExtension { extensions 1 to max; }
  }
  message PropertySet {
    repeated string keys = 1;
    repeated PropertyValue values = 2;
    extensions 3 to max;
  }
  message PropertySetList {
    repeated PropertySet propertyset = 1;
    extensions 2 to max;
  }
  message MetaData {
    optional bool is_multi_part = 1;
    optional string content_type = 2;
    optional uint64 size = 3;
    optional uint64 seq = 4;
    optional string file_name = 5;
    optional string file_type = 6;
    optional string md5 = 7;
    optional string description = 8;
    extensions 9 to max;
  }
  message Metric {
    optional string name = 1;
    optional uint64 alias = 2;
    optional uint64 timestamp = 3;
    optional uint32 datatype = 4;
    optional bool is_historical = 5;
    optional bool is_transient = 6;
    optional bool is_null = 7;
    optional MetaData metadata = 8;
    optional PropertySet properties = 9;
    oneof value {
      uint32 int_value = 10;
      uint64 long_value = 11;
      float float_value = 12;
      double double_value = 13;
      bool boolean_value = 14;
      string string_value = 15;
      bytes bytes_value = 16;
      DataSet dataset_value = 17;
      Template template_value = 18;
      MetricValueExtension extension_value = 19;
    }
    message MetricValueExtension { extensions 1 to max; }
  }
  optional uint64 timestamp = 1;
  repeated Metric metrics = 2;
  optional uint64 seq = 3;
  optional string uuid = 4;
  optional bytes body = 5;
  extensions 6 to max;
}
)";

class Abort : public pb::io::ErrorCollector
{
public:
    void AddError(int, int, const std::string &) override { std::abort(); }
};

} // namespace

const SparkplugSchema &SparkplugSchema::instance()
{
    static const SparkplugSchema schema;
    return schema;
}

SparkplugSchema::SparkplugSchema()
{
    // Built once from the text above; the pool and factory live as long as the process.
    static pb::DescriptorPool pool;
    static pb::DynamicMessageFactory factory(&pool);
    pb::io::ArrayInputStream input(kSchema, int(std::strlen(kSchema)));
    Abort errors; // the schema is ours: an error is a bug, caught by every test
    pb::io::Tokenizer tokenizer(&input, &errors);
    pb::compiler::Parser parser;
    pb::FileDescriptorProto file;
    file.set_name("sparkplug_b.proto");
    if (!parser.Parse(&tokenizer, &file))
        std::abort();
    if (!pool.BuildFile(file))
        std::abort();
    m_payload = pool.FindMessageTypeByName("org.eclipse.tahu.protobuf.Payload");
    m_prototype = factory.GetPrototype(m_payload);
}

const char *SparkplugSchema::datatypeName(unsigned datatype)
{
    static constexpr std::array<const char *, 35> kNames{"Unknown",      "Int8",
                                                         "Int16",        "Int32",
                                                         "Int64",        "UInt8",
                                                         "UInt16",       "UInt32",
                                                         "UInt64",       "Float",
                                                         "Double",       "Boolean",
                                                         "String",       "DateTime",
                                                         "Text",         "UUID",
                                                         "DataSet",      "Bytes",
                                                         "File",         "Template",
                                                         "PropertySet",  "PropertySetList",
                                                         "Int8Array",    "Int16Array",
                                                         "Int32Array",   "Int64Array",
                                                         "UInt8Array",   "UInt16Array",
                                                         "UInt32Array",  "UInt64Array",
                                                         "FloatArray",   "DoubleArray",
                                                         "BooleanArray", "StringArray",
                                                         "DateTimeArray"};
    return datatype < kNames.size() ? kNames[datatype] : "Unknown";
}

} // namespace mqttdesk
