<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertEngine</name>
    <message>
        <location filename="../core/alerts/alert_engine.cpp" line="+318"/>
        <source>The action&apos;s topic &quot;%1&quot; is not a topic name: %2</source>
        <translation>动作的主题“%1”不是有效的主题名：%2</translation>
    </message>
</context>
<context>
    <name>AlertRule</name>
    <message>
        <location filename="../core/alerts/alert_rule.cpp" line="+130"/>
        <source>A rule needs a name: its alerts are reported under it.</source>
        <translation>规则需要一个名称：其告警将以该名称报告。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A %1 rule needs a topic filter, e.g. &quot;sensors/+/temp&quot;.</source>
        <translation>%1 规则需要主题过滤器，例如 &quot;sensors/+/temp&quot;。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a topic filter: %2</source>
        <translation>“%1”不是有效的主题过滤器：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The cooldown must be 0 or more seconds, not %1.</source>
        <translation>冷却时间必须不小于 0 秒，而不是 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hysteresis must be 0 or a positive number.</source>
        <translation>滞后值必须为 0 或正数。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The path &quot;%1&quot; does not parse (%2). Write it as $.key, $.list[0] or $..key.</source>
        <translation>无法解析路径“%1”（%2）。请写成 $.key、$.list[0] 或 $..key 的形式。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no decoder &quot;%1&quot;: use one of %2.</source>
        <translation>没有解码器“%1”：请使用 %2 之一。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a regular expression: %2 (at character %3).</source>
        <translation>“%1”不是有效的正则表达式：%2（第 %3 个字符）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A hysteresis band needs a number threshold and &gt;, &gt;=, &lt; or &lt;=, not a regular expression.</source>
        <translation>滞后区间需要数值阈值和 &gt;、&gt;=、&lt; 或 &lt;=，而不是正则表达式。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; compares numbers, but the threshold &quot;%2&quot; is text: give a number, or compare text with == or !=.</source>
        <translation>“%1”比较的是数值，但阈值“%2”是文本：请给出数字，或用 == 或 != 比较文本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The threshold must be finite.</source>
        <translation>阈值必须是有限数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A hysteresis band needs a number threshold and &gt;, &gt;=, &lt; or &lt;=, not %1.</source>
        <translation>滞后区间需要数值阈值和 &gt;、&gt;=、&lt; 或 &lt;=，而不是 %1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The silence must last 1 second or more, not %1.</source>
        <translation>静默时长必须不少于 1 秒，而不是 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The window must be 1 to 3600 seconds, not %1.</source>
        <translation>时间窗口必须为 1 到 3600 秒，而不是 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A rate is compared with &gt;, &gt;=, &lt; or &lt;=, not %1.</source>
        <translation>速率只能用 &gt;、&gt;=、&lt; 或 &lt;= 比较，而不是 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rate threshold must be 0 or more messages per second.</source>
        <translation>速率阈值必须不小于每秒 0 条消息。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is not a topic to publish to: %2</source>
        <translation>“%1”不是可发布的主题：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The action needs a topic to publish its payload to.</source>
        <translation>动作需要一个用于发布其负载的主题。</translation>
    </message>
</context>
<context>
    <name>AlertRuleError</name>
    <message>
        <location filename="../core/alerts/alert_rule_error.cpp" line="+8"/>
        <source>Line %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>AlertRuleSet</name>
    <message>
        <location filename="../core/alerts/alert_rule_set.cpp" line="+121"/>
        <source>This field is required: add it.</source>
        <translation>此字段为必填项：请添加。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1; give a value in that range.</source>
        <translation>%1；请给出该范围内的值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown value %1.</source>
        <translation>未知的值 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This must be %1.</source>
        <translation>此处必须是 %1。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;%1&quot; (allowed: &gt;, &gt;=, &lt;, &lt;=, ==, !=)</source>
        <translation>“%1”（允许：&gt;、&gt;=、&lt;、&lt;=、==、!=）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;%1&quot; (allowed: %2)</source>
        <translation>“%1”（允许：%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A %1 rule has no field &quot;%2&quot;; its fields are: %3.</source>
        <translation>%1 规则没有字段“%2”；其字段有：%3。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not a field of a %2 rule: remove it, or change the kind. A %2 rule has: %3.</source>
        <translation>“%1”不是 %2 规则的字段：请删除它，或更改规则类型。%2 规则包含：%3。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A rule tests either a regular expression (&quot;regex&quot;) or a comparison (&quot;op&quot; and &quot;threshold&quot;), not both.</source>
        <translation>规则只能测试正则表达式（&quot;regex&quot;）或比较（&quot;op&quot; 和 &quot;threshold&quot;）二者之一，不能同时测试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An empty regular expression matches everything: give a pattern.</source>
        <translation>空正则表达式会匹配所有内容：请给出模式。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a number or a text</source>
        <translation>数字或文本</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>An action has no field &quot;%1&quot;; its fields are: topic, payload, qos, retain.</source>
        <translation>动作没有字段“%1”；其字段有：topic, payload, qos, retain。</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>This is not JSON: %1. Check the brackets, commas and quotes there.</source>
        <translation>这不是 JSON：%1。请检查该处的括号、逗号和引号。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is not an MQTT Desk alert rule file: it needs &quot;format&quot;: &quot;mqttdesk-alert-rules&quot; (see docs/alert-rules.md).</source>
        <translation>这不是 MQTT Desk 告警规则文件：需要包含 &quot;format&quot;: &quot;mqttdesk-alert-rules&quot;（参见 docs/alert-rules.md）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file was written by a newer MQTT Desk (alert rule format %1; this version reads %2): update MQTT Desk to read it.</source>
        <translation>该文件由较新版本的 MQTT Desk 写入（告警规则格式 %1；此版本可读取 %2）：请更新 MQTT Desk 后再读取。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>rules[%1] is already named &quot;%2&quot;: give each rule its own name.</source>
        <translation>rules[%1] 已使用名称“%2”：请为每条规则取不同的名称。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot read the alert rules in %1: %2.</source>
        <translation>无法读取 %1 中的告警规则：%2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot write the alert rules to %1: %2.</source>
        <translation>无法将告警规则写入 %1：%2。</translation>
    </message>
</context>
<context>
    <name>AlertRuleStore</name>
    <message>
        <location filename="../core/alerts/alert_rule_store.cpp" line="+49"/>
        <source>Cannot remove the alert rules file %1. Check the permissions of %2.</source>
        <translation>无法删除告警规则文件 %1。请检查 %2 的权限。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot create the folder %1 for the alert rules. Check that the data folder can be written.</source>
        <translation>无法为告警规则创建文件夹 %1。请检查数据文件夹是否可写。</translation>
    </message>
</context>
<context>
    <name>BrokerFailover</name>
    <message>
        <location filename="../core/connection/broker_failover.cpp" line="+79"/>
        <source>Looking up the broker of %1 in DNS (SRV %2).</source>
        <translation>正在通过 DNS 查找 %1 的代理（SRV %2）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The DNS SRV lookup of %1 failed: %2.</source>
        <translation>%1 的 DNS SRV 查询失败：%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DNS SRV lookup of %1 found no records.</source>
        <translation>%1 的 DNS SRV 查询没有找到记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1:%2 (priority %3, weight %4)</source>
        <translation>%1:%2（优先级 %3，权重 %4）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>DNS SRV records of %1: %2.</source>
        <translation>%1 的 DNS SRV 记录：%2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The DNS SRV records of %1 say the service is not offered there.</source>
        <translation>%1 的 DNS SRV 记录表明该处不提供此服务。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the DNS SRV lookup of %1 found no broker</source>
        <translation>%1 的 DNS SRV 查询没有找到代理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the DNS SRV lookup of %1 failed: %2</source>
        <translation>%1 的 DNS SRV 查询失败：%2</translation>
    </message>
</context>
<context>
    <name>BubblePreview</name>
    <message>
        <location filename="../ui/stream/bubble_preview.cpp" line="+36"/>
        <source>%1 picture</source>
        <translation>%1 图片</translation>
    </message>
</context>
<context>
    <name>CaptureReader</name>
    <message>
        <location filename="../core/automation/capture_reader.cpp" line="+18"/>
        <source>no &quot;topic&quot;</source>
        <translation>没有 &quot;topic&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an empty topic</source>
        <translation>主题为空</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no &quot;time_us&quot;</source>
        <translation>没有 &quot;time_us&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a &quot;time_us&quot; out of range</source>
        <translation>“time_us”超出范围</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>QoS %1 is not 0, 1 or 2</source>
        <translation>QoS %1 不是 0、1 或 2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a payload that is not Base64</source>
        <translation>载荷不是 Base64</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an unknown payload encoding &quot;%1&quot;</source>
        <translation>未知的载荷编码 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>properties that are not Base64</source>
        <translation>属性不是 Base64</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Line %1 is not a JSON object: %2.</source>
        <translation>第 %1 行不是 JSON 对象：%2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line %1: capture format version %2 is not one this version of MQTT Desk reads (up to %3).</source>
        <translation>第 %1 行：此版本的 MQTT Desk 无法读取捕获格式版本 %2（最高支持 %3）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file holds more than %1 messages.</source>
        <translation>文件中的消息超过 %1 条。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line %1 is not a message: %2.</source>
        <translation>第 %1 行不是消息：%2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
</context>
<context>
    <name>ConnectionError</name>
    <message>
        <location filename="../core/connection/connection_error.cpp" line="+38"/>
        <source>The connection to the server failed (%1).</source>
        <translation>与服务器的连接失败（%1）。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>DataDirectory</name>
    <message>
        <location filename="../core/storage/data_directory_error.cpp" line="+21"/>
        <source>MQTT Desk</source>
        <translation>MQTT Desk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another MQTT Desk program</source>
        <translation>另一个 MQTT Desk 程序</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot create the data folder %1. Choose another one with --data-dir or MQTTDESK_DATA_DIR.</source>
        <translation>无法创建数据文件夹 %1。请用 --data-dir 或 MQTTDESK_DATA_DIR 选择其他文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is a file, not a folder. Choose another data folder with --data-dir or MQTTDESK_DATA_DIR.</source>
        <translation>%1 是一个文件，不是文件夹。请用 --data-dir 或 MQTTDESK_DATA_DIR 选择其他数据文件夹。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The data folder %1 is in use by %2 (process %3), which stores its history. Close that program first, or choose another data folder with --data-dir or MQTTDESK_DATA_DIR.</source>
        <translation>数据文件夹 %1 正被 %2（进程 %3）使用，它正在保存历史记录。请先关闭该程序，或用 --data-dir 或 MQTTDESK_DATA_DIR 选择其他数据文件夹。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The data folder %1 is in use by another MQTT Desk program, which stores its history. Close it first, or choose another data folder with --data-dir or MQTTDESK_DATA_DIR.</source>
        <translation>数据文件夹 %1 正被另一个 MQTT Desk 程序使用，它正在保存历史记录。请先关闭它，或用 --data-dir 或 MQTTDESK_DATA_DIR 选择其他数据文件夹。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot create the lock file in the data folder %1. Check that you may write to it, or choose another one with --data-dir or MQTTDESK_DATA_DIR.</source>
        <translation>无法在数据文件夹 %1 中创建锁文件。请检查是否有写入权限，或用 --data-dir 或 MQTTDESK_DATA_DIR 选择其他文件夹。</translation>
    </message>
</context>
<context>
    <name>DatabaseQuarantine</name>
    <message>
        <location filename="../core/storage/database_quarantine.cpp" line="+48"/>
        <source>%1 cannot be renamed to %2: %3</source>
        <translation>无法将 %1 重命名为 %2：%3</translation>
    </message>
</context>
<context>
    <name>DecodingRules</name>
    <message>
        <location filename="../core/payload/decoding_rules.cpp" line="+26"/>
        <source>A decoding rule matches topics, not shared subscriptions: leave out &quot;$share/{name}/&quot;.</source>
        <translation>解码规则匹配的是主题，而不是共享订阅：请去掉 &quot;$share/{name}/&quot;。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a decoder for the rule.</source>
        <translation>请为该规则选择一个解码器。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>It needs a filter and a decoder, and its options must be an object.</source>
        <translation>规则需要一个主题过滤器和一个解码器，且其选项必须是一个对象。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Decoding rule %1: %2</source>
        <translation>解码规则 %1：%2</translation>
    </message>
</context>
<context>
    <name>EventLoopLatencyProbe</name>
    <message>
        <location filename="../ui/stream/event_loop_latency_probe.cpp" line="+76"/>
        <source>GUI latency p50 %1 ms · p99 %2 ms · max %3 ms (%4 samples)</source>
        <translation>界面延迟 p50 %1 毫秒 · p99 %2 毫秒 · 最大 %3 毫秒（%4 个样本）</translation>
    </message>
</context>
<context>
    <name>HistoryExporter</name>
    <message>
        <location filename="../core/storage/history_exporter.cpp" line="+179"/>
        <source>Writing the export failed: %1. Check free space and permissions.</source>
        <translation>写入导出文件失败：%1。请检查可用空间和权限。</translation>
    </message>
</context>
<context>
    <name>JUnitReport</name>
    <message>
        <location filename="../core/suite/junit_report.cpp" line="+49"/>
        <source>step %1, %2: %3</source>
        <translation>步骤 %1，%2：%3</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Cannot write the JUnit report %1: %2</source>
        <translation>无法写入 JUnit 报告 %1：%2</translation>
    </message>
</context>
<context>
    <name>JsonIndex</name>
    <message>
        <location filename="../core/inspector/json_index.cpp" line="+33"/>
        <source>Not JSON at byte %1: %2</source>
        <translation>不是 JSON（第 %1 字节）：%2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>a control character inside a string.</source>
        <translation>字符串中有控制字符。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a bad \u escape.</source>
        <translation>\u 转义无效。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an unknown escape.</source>
        <translation>未知的转义。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the text ends inside a string.</source>
        <translation>文本在字符串中间结束。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+4"/>
        <location line="+7"/>
        <source>a bad number.</source>
        <translation>数字无效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+50"/>
        <source>an unexpected character.</source>
        <translation>意外的字符。</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>the text ends where a value should be.</source>
        <translation>文本在应有值的位置结束。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>nested too deeply.</source>
        <translation>嵌套过深。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>the text is too large.</source>
        <translation>文本过大。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the text is not UTF-8.</source>
        <translation>文本不是 UTF-8。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the text ends inside an object or array.</source>
        <translation>文本在对象或数组中间结束。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected &apos;,&apos; or &apos;}&apos;.</source>
        <translation>此处应为“,”或“}”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected &apos;,&apos; or &apos;]&apos;.</source>
        <translation>此处应为“,”或“]”。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected a key in quotes.</source>
        <translation>此处应为带引号的键。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected &apos;:&apos; after a key.</source>
        <translation>键后应为“:”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>more text after the value.</source>
        <translation>值后还有多余文本。</translation>
    </message>
</context>
<context>
    <name>JsonPathQuery</name>
    <message>
        <location filename="../core/inspector/json_path_query.cpp" line="+235"/>
        <source>not a JSON path at character %1: %2</source>
        <translation>不是 JSON 路径（第 %1 个字符）：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected &apos;$&apos; at the start</source>
        <translation>开头应为“$”</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+11"/>
        <source>expected a key after &apos;..&apos;</source>
        <translation>“..”之后应为键名</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+15"/>
        <location line="+26"/>
        <source>wildcards are not supported</source>
        <translation>不支持通配符</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>expected a key after &apos;.&apos;</source>
        <translation>“.”之后应为键名</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected &apos;.&apos;, &apos;..&apos; or &apos;[&apos;</source>
        <translation>应为“.”、“..”或“[”</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+25"/>
        <source>expected a quoted key or an array index after &apos;[&apos;</source>
        <translation>“[”之后应为带引号的键名或数组下标</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>a bad \u escape in a key</source>
        <translation>键名中的 \u 转义无效</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>an unknown escape in a key</source>
        <translation>键名中有未知的转义</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the quoted key is not closed</source>
        <translation>带引号的键名未闭合</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>an array index must be a whole number, 0 or more</source>
        <translation>数组下标必须是不小于 0 的整数</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected &apos;]&apos;</source>
        <translation>应为“]”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a path with &apos;..&apos; has at most 63 steps</source>
        <translation>含“..”的路径最多 63 步</translation>
    </message>
</context>
<context>
    <name>JsonTreeModel</name>
    <message>
        <location filename="../core/inspector/json_tree_model.cpp" line="+68"/>
        <source>null</source>
        <translation>空值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>MessageCheck</name>
    <message>
        <location filename="../core/suite/message_check.cpp" line="+153"/>
        <source>%1 (at character %2)</source>
        <translation>%1（第 %2 个字符）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>topic is %1, not %2</source>
        <translation>主题为 %1，而不是 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>payload is %1, not %2</source>
        <translation>负载为 %1，而不是 %2</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+55"/>
        <source>payload is not JSON: %1</source>
        <translation>负载不是 JSON：%1</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>payload %1 does not match /%2/</source>
        <translation>负载 %1 不匹配 /%2/</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>payload %1 does not contain %2</source>
        <translation>负载 %1 不包含 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>QoS is %1, not %2</source>
        <translation>QoS 为 %1，而不是 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>retain is set, expected not set</source>
        <translation>设置了保留标志，预期未设置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>retain is not set</source>
        <translation>未设置保留标志</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no user property %1</source>
        <translation>没有用户属性 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user property %1 is %2, not %3</source>
        <translation>用户属性 %1 为 %2，而不是 %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no content type</source>
        <translation>没有内容类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>content type is %1, not %2</source>
        <translation>内容类型为 %1，而不是 %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is there (%2), expected absent</source>
        <translation>%1 存在（%2），预期不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is %2</source>
        <translation>%1 为 %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+21"/>
        <source>%1, not %2</source>
        <translation>%1，而不是 %2</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1, which cannot be compared with %2</source>
        <translation>%1，无法与 %2 比较</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1, not a string to match /%2/</source>
        <translation>%1，不是可匹配 /%2/ 的字符串</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, which does not match /%2/</source>
        <translation>%1，不匹配 /%2/</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1, neither a string nor an array to look for %2 in</source>
        <translation>%1，既不是字符串也不是数组，无法在其中查找 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, which does not contain %2</source>
        <translation>%1，不包含 %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>topic == %1</source>
        <translation>主题 == %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>payload == %1</source>
        <translation>负载 == %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>payload == %1 (as JSON)</source>
        <translation>负载 == %1（按 JSON）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>payload matches /%1/</source>
        <translation>负载匹配 /%1/</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>payload contains %1</source>
        <translation>负载包含 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QoS == %1</source>
        <translation>QoS == %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>retain set</source>
        <translation>已设置保留标志</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>retain not set</source>
        <translation>未设置保留标志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user property %1 == %2</source>
        <translation>用户属性 %1 == %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>content type == %1</source>
        <translation>内容类型 == %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>0x%1 (1 byte)</source>
        <translation>0x%1（1 字节）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0x%1%2 (%3 bytes)</source>
        <translation>0x%1%2（%3 字节）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>NumericArrayDecoder</name>
    <message>
        <location filename="../core/payload/numeric_array_decoder.cpp" line="+145"/>
        <source>&apos;%1&apos; is not a number type: use int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32 or float64.</source>
        <translation>“%1”不是数字类型：请使用 int8、int16、int32、int64、uint8、uint16、uint32、uint64、float32 或 float64。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;%1&apos; is not a byte order: use little or big.</source>
        <translation>“%1”不是字节序：请使用 little 或 big。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+20"/>
        <source>The header to skip must be a whole number of bytes, 0 or more.</source>
        <translation>要跳过的头部必须是 0 或更大的整数字节数。</translation>
    </message>
</context>
<context>
    <name>PacketTraceJson</name>
    <message>
        <location filename="../core/packettrace/packet_trace_json.cpp" line="+98"/>
        <source>not JSON: %1 at character %2</source>
        <translation>不是 JSON：%1（第 %2 个字符）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;type&quot; must name an MQTT packet type (PUBLISH, PUBACK, ...)</source>
        <translation>&quot;type&quot; 必须是 MQTT 报文类型（PUBLISH、PUBACK 等）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;direction&quot; must be &quot;sent&quot; or &quot;received&quot;</source>
        <translation>&quot;direction&quot; 必须为 &quot;sent&quot; 或 &quot;received&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;qos&quot; must be 0, 1 or 2 and &quot;packetId&quot; 0 to 65535</source>
        <translation>&quot;qos&quot; 必须为 0、1 或 2，&quot;packetId&quot; 必须为 0 到 65535</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&quot;reasonCodes&quot; must hold numbers from 0 to 255</source>
        <translation>&quot;reasonCodes&quot; 必须包含 0 到 255 之间的数字</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
</context>
<context>
    <name>PayloadDiff</name>
    <message>
        <location filename="../core/inspector/payload_diff.cpp" line="+96"/>
        <source>No differences</source>
        <translation>没有差异</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 changed, %2 added, %3 removed</source>
        <translation>%1 处更改，%2 处新增，%3 处删除</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (the first %2 differences)</source>
        <translation>%1（前 %2 处差异）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 line differs</source>
        <translation>1 行不同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 lines differ</source>
        <translation>%1 行不同</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (too many changes to match the lines closely)</source>
        <translation>%1（更改过多，无法逐行精确对齐）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1 byte differs</source>
        <translation>1 个字节不同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bytes differ</source>
        <translation>%1 个字节不同</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Left: %1</source>
        <translation>左侧：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Right: %1</source>
        <translation>右侧：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a JSON object or array on both sides: compared as %1.</source>
        <translation>两侧并非都是 JSON 对象或数组：按%1比较。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not text on both sides: compared as %1.</source>
        <translation>两侧并非都是文本：按%1比较。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Structural</source>
        <translation>结构</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lines</source>
        <translation>逐行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
</context>
<context>
    <name>PayloadError</name>
    <message>
        <location filename="../core/payload/json_validator.cpp" line="+32"/>
        <source>there is no value</source>
        <translation>没有值</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>there is more than one value; wrap them in an array</source>
        <translation>有多个值；请用数组包裹它们</translation>
    </message>
    <message>
        <location filename="../core/payload/payload_error.cpp" line="+12"/>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>position %1</source>
        <translation>位置 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The JSON is not valid: %1.</source>
        <translation>JSON 无效：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The JSON is not valid at %1: %2.</source>
        <translation>JSON 在 %1 处无效：%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hex digit at %1 has no partner: hex needs two digits per byte.</source>
        <translation>位置 %1 的十六进制数字不成对：每个字节需要两位十六进制数字。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The character at %1 is not a hex digit (0-9, a-f) or a space.</source>
        <translation>位置 %1 的字符不是十六进制数字（0-9、a-f）或空格。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Base64 text has a wrong length or padding.</source>
        <translation>Base64 文本的长度或填充不正确。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The character at %1 is not valid in Base64.</source>
        <translation>位置 %1 的字符不是有效的 Base64 字符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payload is not valid CBOR (stopped at byte %1).</source>
        <translation>载荷不是有效的 CBOR（在第 %1 字节处停止）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payload is not valid MessagePack (stopped at byte %1).</source>
        <translation>载荷不是有效的 MessagePack（在第 %1 字节处停止）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payload nests arrays or maps too deeply to display (at byte %1).</source>
        <translation>载荷中的数组或映射嵌套过深，无法显示（第 %1 字节处）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Messages cannot be written in this format; choose text, JSON, hex or Base64.</source>
        <translation>无法以此格式编写消息；请选择文本、JSON、十六进制或 Base64。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The decoder&apos;s settings are wrong: %1 Edit the decoding rule.</source>
        <translation>解码器设置有误：%1 请编辑解码规则。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The header to skip (%1 bytes) is longer than the payload (%2 bytes).</source>
        <translation>要跳过的头部（%1 字节）比载荷（%2 字节）更长。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The bytes from byte %1 on do not make a whole %2; check the number type and the header to skip.</source>
        <translation>从第 %1 字节起的字节不构成完整的 %2；请检查数字类型和要跳过的头部。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No schema to decode with: %1</source>
        <translation>没有可用于解码的模式：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Script error at line %1: %2</source>
        <translation>脚本错误，第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Script error: %1</source>
        <translation>脚本错误：%1</translation>
    </message>
</context>
<context>
    <name>PayloadFileSaver</name>
    <message>
        <location filename="../ui/stream/payload_file_saver.cpp" line="+13"/>
        <location line="+7"/>
        <source>Save payload as</source>
        <translation>载荷另存为</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The payload could not be written to %1: %2. Choose another folder or free some disk space.</source>
        <translation>无法将载荷写入 %1：%2。请选择其他文件夹或释放磁盘空间。</translation>
    </message>
</context>
<context>
    <name>PayloadFormat</name>
    <message>
        <location filename="../core/payload/auto_decoder.cpp" line="+21"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../core/payload/text_decoder.cpp" line="+18"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../core/payload/json_decoder.cpp" line="+19"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../core/payload/hex_decoder.cpp" line="+14"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../core/payload/base64_decoder.cpp" line="+15"/>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <location filename="../core/payload/cbor_decoder.cpp" line="+17"/>
        <source>CBOR</source>
        <translation>CBOR</translation>
    </message>
    <message>
        <location filename="../core/payload/message_pack_decoder.cpp" line="+17"/>
        <source>MessagePack</source>
        <translation>MessagePack</translation>
    </message>
    <message>
        <location filename="../core/payload/numeric_array_decoder.cpp" line="+24"/>
        <source>Numeric array</source>
        <translation>数值数组</translation>
    </message>
    <message>
        <location filename="../core/protobuf/protobuf_decoder.cpp" line="+85"/>
        <source>Protobuf</source>
        <translation>Protobuf</translation>
    </message>
    <message>
        <location filename="../core/sparkplug/sparkplug_decoder.cpp" line="+62"/>
        <source>Sparkplug B</source>
        <translation>Sparkplug B</translation>
    </message>
    <message>
        <location filename="../core/script/script_decoder.cpp" line="+57"/>
        <source>Script (JavaScript)</source>
        <translation>脚本 (JavaScript)</translation>
    </message>
</context>
<context>
    <name>ProbeAnnouncement</name>
    <message>
        <location filename="../core/probe/probe_announcement.cpp" line="+11"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Maximum QoS</source>
        <translation>最大 QoS</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>absent: the client uses a Maximum QoS of 2 (5.0 §3.2.2.3.4; a server without QoS 1 or 2 must announce it [MQTT-3.2.2-9])</source>
        <translation>未提供：客户端使用最大 QoS 2（5.0 §3.2.2.3.4；不支持 QoS 1 或 2 的服务器必须声明这一点 [MQTT-3.2.2-9]）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retain Available</source>
        <translation>保留可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>absent: retained messages are supported (5.0 §3.2.2.3.5)</source>
        <translation>未提供：支持保留消息（5.0 §3.2.2.3.5）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Maximum Packet Size</source>
        <translation>最大报文长度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>absent: no limit beyond the protocol&apos;s own, that of the Remaining Length encoding (5.0 §3.2.2.3.6)</source>
        <translation>未提供：除协议本身的限制（即剩余长度编码的限制）外无其他限制（5.0 §3.2.2.3.6）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Topic Alias Maximum</source>
        <translation>Topic Alias 最大值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>absent: 0, the client must not send Topic Aliases [MQTT-3.2.2-18] (5.0 §3.2.2.3.8)</source>
        <translation>未提供：为 0，客户端不得发送 Topic Alias [MQTT-3.2.2-18]（5.0 §3.2.2.3.8）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wildcard Subscription Available</source>
        <translation>通配符订阅可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>absent: wildcard subscriptions are supported (5.0 §3.2.2.3.11)</source>
        <translation>未提供：支持通配符订阅（5.0 §3.2.2.3.11）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subscription Identifier Available</source>
        <translation>订阅标识符可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>absent: subscription identifiers are supported (5.0 §3.2.2.3.12)</source>
        <translation>未提供：支持订阅标识符（5.0 §3.2.2.3.12）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared Subscription Available</source>
        <translation>共享订阅可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>absent: shared subscriptions are supported (5.0 §3.2.2.3.13)</source>
        <translation>未提供：支持共享订阅（5.0 §3.2.2.3.13）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receive Maximum</source>
        <translation>Receive Maximum（接收最大值）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>absent: 65,535 (5.0 §3.2.2.3.3)</source>
        <translation>未提供：65,535（5.0 §3.2.2.3.3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server Keep Alive</source>
        <translation>服务器保活时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the client must use it instead of its own [MQTT-3.2.2-21]</source>
        <translation>客户端必须使用该值代替自己的值 [MQTT-3.2.2-21]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>absent: the server uses the client&apos;s keep alive [MQTT-3.2.2-22] (5.0 §3.2.2.3.14)</source>
        <translation>未提供：服务器使用客户端的保活时间 [MQTT-3.2.2-22]（5.0 §3.2.2.3.14）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Assigned Client Identifier</source>
        <translation>分配的客户端标识符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>assigned for the empty client id the probe sent [MQTT-3.2.2-16]</source>
        <translation>因探测发送的客户端 ID 为空而分配 [MQTT-3.2.2-16]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>absent although the client id sent was empty: a server must assign one then [MQTT-3.2.2-16] (5.0 §3.2.2.3.7)</source>
        <translation>未提供，但发送的客户端 ID 为空：此时服务器必须分配一个 [MQTT-3.2.2-16]（5.0 §3.2.2.3.7）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>absent: the client id sent (&quot;%1&quot;) is used; only an empty one gets an assigned identifier [MQTT-3.2.2-16] (5.0 §3.2.2.3.7)</source>
        <translation>未提供：使用发送的客户端 ID（“%1”）；只有空客户端 ID 才会获得分配的标识符 [MQTT-3.2.2-16]（5.0 §3.2.2.3.7）</translation>
    </message>
</context>
<context>
    <name>ProbeCheckResult</name>
    <message>
        <location filename="../core/probe/probe_check.cpp" line="+70"/>
        <source>Connect with MQTT 3.1</source>
        <translation>使用 MQTT 3.1 连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect with MQTT 3.1.1</source>
        <translation>使用 MQTT 3.1.1 连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect with MQTT 5.0</source>
        <translation>使用 MQTT 5.0 连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QoS 0 round trip</source>
        <translation>QoS 0 往返</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QoS 1 round trip</source>
        <translation>QoS 1 往返</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QoS 2 round trip</source>
        <translation>QoS 2 往返</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retained message</source>
        <translation>保留消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wildcard subscription</source>
        <translation>通配符订阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared subscription</source>
        <translation>共享订阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subscription identifier</source>
        <translation>订阅标识符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic alias</source>
        <translation>Topic Alias</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Will message</source>
        <translation>遗嘱消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session resume</source>
        <translation>会话恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Maximum payload</source>
        <translation>最大负载</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Round-trip latency</source>
        <translation>往返延迟</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Supported</source>
        <translation>支持</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not supported</source>
        <translation>不支持</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Announced but broken</source>
        <translation>已声明但不可用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
</context>
<context>
    <name>ProbeEvidence</name>
    <message>
        <location filename="../core/probe/probe_evidence.cpp" line="+31"/>
        <source>not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
</context>
<context>
    <name>ProbeReport</name>
    <message>
        <location filename="../core/probe/probe_report.cpp" line="+109"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Broker capability test: %1</source>
        <translation>代理能力测试：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started %1, took %2 s. Probe topics under `%3/`.</source>
        <translation>开始于 %1，耗时 %2 秒。探测主题位于 `%3/` 下。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The checks used MQTT %1.</source>
        <translation>检查使用 MQTT %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No protocol version was accepted.</source>
        <translation>没有任何协议版本被接受。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+43"/>
        <source>Cancelled before the end.</source>
        <translation>在完成前已取消。</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Retained messages that could not be cleared: %1.</source>
        <translation>无法清除的保留消息：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checks</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+40"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+40"/>
        <source>Reason code</source>
        <translation>原因码</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+40"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Announced in the 5.0 CONNACK</source>
        <translation>5.0 CONNACK 中声明的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>In CONNACK</source>
        <translation>在 CONNACK 中</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+37"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+37"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>absent</source>
        <translation>未提供</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measurements</source>
        <translation>测量结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Largest payload that passed: %1 bytes (searched up to %2 bytes).</source>
        <translation>通过的最大负载：%1 字节（最多搜索到 %2 字节）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Largest payload: not measured.</source>
        <translation>最大负载：未测量。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Round trip (PINGREQ to PINGRESP) over %1 pings: p50 %2, p99 %3.</source>
        <translation>往返时间（PINGREQ 到 PINGRESP），共 %1 次 ping：p50 %2，p99 %3。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Round trip: not measured.</source>
        <translation>往返时间：未测量。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Broker capability test of %1</source>
        <translation>%1 的代理能力测试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(checks with MQTT %1)</source>
        <translation>（使用 MQTT %1 检查）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Announced in the 5.0 CONNACK:</source>
        <translation>5.0 CONNACK 中声明的内容：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Largest payload that passed: %1 bytes (searched up to %2 bytes)</source>
        <translation>通过的最大负载：%1 字节（最多搜索到 %2 字节）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Round trip over %1 PINGREQs: p50 %2, p99 %3</source>
        <translation>往返时间（%1 次 PINGREQ）：p50 %2，p99 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Probe topics: %1/ (no retained message left behind)</source>
        <translation>探测主题：%1/（未遗留保留消息）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probe topics: %1/; retained messages that could not be cleared: %2</source>
        <translation>探测主题：%1/；无法清除的保留消息：%2</translation>
    </message>
</context>
<context>
    <name>ProfileNameMatch</name>
    <message>
        <location filename="../core/workspace/profile_name_match.cpp" line="+40"/>
        <source>there is no saved connection named &apos;%1&apos;: the app has saved none.</source>
        <translation>没有名为“%1”的已保存连接：应用尚未保存任何连接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is no saved connection named &apos;%1&apos;. Saved: %2.</source>
        <translation>没有名为“%1”的已保存连接。已保存的有：%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 saved connections are named &apos;%2&apos;: give the folder too, one of %3.</source>
        <translation>有 %1 个已保存连接名为“%2”：请同时给出文件夹，可选 %3 之一。</translation>
    </message>
</context>
<context>
    <name>ProfileRepository</name>
    <message>
        <location filename="../core/workspace/profile_repository.cpp" line="+47"/>
        <source>The connection no longer exists.</source>
        <translation>该连接已不存在。</translation>
    </message>
</context>
<context>
    <name>ProtoSchema</name>
    <message>
        <location filename="../core/protobuf/proto_schema.cpp" line="+83"/>
        <source>choose one or more .proto files.</source>
        <translation>请选择一个或多个 .proto 文件。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: the file does not exist or cannot be read.</source>
        <translation>%1：文件不存在或无法读取。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: the file is hidden by %2 in an import path; import paths and files must not name two files the same way.</source>
        <translation>%1：该文件被导入路径中的 %2 遮蔽；导入路径和文件不得以相同名称指向两个文件。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: the file could not be read as .proto.</source>
        <translation>%1：无法将该文件读取为 .proto。</translation>
    </message>
</context>
<context>
    <name>ProtoSchemaSource</name>
    <message>
        <location filename="../core/protobuf/proto_schema_source.cpp" line="+25"/>
        <source>&apos;%1&apos; must be a list of paths.</source>
        <translation>“%1”必须是路径列表。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&apos;type&apos; must be a message type name.</source>
        <translation>“type”必须是消息类型名称。</translation>
    </message>
</context>
<context>
    <name>ProtoWireChecker</name>
    <message>
        <location filename="../core/protobuf/proto_wire_checker.cpp" line="+53"/>
        <source>messages nested more than 100 deep</source>
        <translation>消息嵌套超过 100 层</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>truncated varint (a field&apos;s tag)</source>
        <translation>varint 被截断（字段标签）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a field&apos;s tag longer than 5 bytes</source>
        <translation>字段标签超过 5 字节</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>field number 0</source>
        <translation>字段编号为 0</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>truncated varint</source>
        <translation>varint 被截断</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>truncated 64-bit field (%1 of 8 bytes)</source>
        <translation>64 位字段被截断（8 字节中只有 %1 字节）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>truncated 32-bit field (%1 of 4 bytes)</source>
        <translation>32 位字段被截断（4 字节中只有 %1 字节）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>truncated varint (a length)</source>
        <translation>varint 被截断（长度）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a length beyond 2 GiB</source>
        <translation>长度超过 2 GiB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>field %1 says %2 bytes follow, but only %3 do</source>
        <translation>字段 %1 声明后面有 %2 字节，但只有 %3 字节</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the string field &apos;%1&apos; is not valid UTF-8</source>
        <translation>字符串字段“%1”不是有效的 UTF-8</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>an end-group tag for field %1 that no group opened</source>
        <translation>字段 %1 的组结束标签没有对应的组开始</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>invalid wire type %1 (field %2)</source>
        <translation>无效的线路类型 %1（字段 %2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the group of field %1 has no end</source>
        <translation>字段 %1 的组没有结束</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+10"/>
        <source>a varint longer than 10 bytes</source>
        <translation>varint 超过 10 字节</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>truncated varint (in a packed list)</source>
        <translation>varint 被截断（在打包列表中）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a packed list of %1-byte values with %2 bytes left over</source>
        <translation>由 %1 字节值组成的打包列表多出 %2 字节</translation>
    </message>
</context>
<context>
    <name>ProtobufDecoder</name>
    <message>
        <location filename="../core/protobuf/protobuf_decoder.cpp" line="+43"/>
        <source>choose the message type.</source>
        <translation>请选择消息类型。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the .proto files declare no message type %1.</source>
        <translation>.proto 文件没有声明消息类型 %1。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not a valid %1 at byte %2: %3.</source>
        <translation>在第 %2 字节处不是有效的 %1：%3。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not a valid %1: the Protobuf library refused it.</source>
        <translation>不是有效的 %1：Protobuf 库拒绝了它。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not a valid %1: required fields are missing: %2.</source>
        <translation>不是有效的 %1：缺少必填字段：%2。</translation>
    </message>
</context>
<context>
    <name>PublishAck</name>
    <message>
        <location filename="../ui/stream/publish_ack.cpp" line="+11"/>
        <source>queued</source>
        <translation>已排队</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PUBACK</source>
        <translation>PUBACK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PUBREC</source>
        <translation>PUBREC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PUBREC → PUBCOMP</source>
        <translation>PUBREC → PUBCOMP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed: 0x%1 %2</source>
        <translation>失败：0x%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>PublishDraft</name>
    <message>
        <location filename="../core/publish/publish_draft.cpp" line="+68"/>
        <source>Response topic: %1</source>
        <translation>响应主题：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This message is too large for MQTT: a packet holds at most 268,435,455 bytes after its header. Send a smaller payload.</source>
        <translation>此消息对 MQTT 来说太大：一个报文在报头之后最多容纳 268,435,455 字节。请发送更小的载荷。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This message takes %1 bytes but the server accepts packets of at most %2 bytes (its Maximum Packet Size). Send a smaller payload.</source>
        <translation>此消息占 %1 字节，但服务器最多接受 %2 字节的报文（其最大报文长度）。请发送更小的载荷。</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../ui/i18n/standard_button_texts.cpp" line="+15"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save All</source>
        <translation>全部保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes to &amp;All</source>
        <translation>全部是(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;o to All</source>
        <translation>全部否(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>中止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>恢复默认值</translation>
    </message>
</context>
<context>
    <name>RetainedDiff</name>
    <message>
        <location filename="../core/retained/retained_diff.cpp" line="+58"/>
        <source>keys changed: %1</source>
        <translation>键已更改：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keys added: %1</source>
        <translation>键已添加：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keys removed: %1</source>
        <translation>键已删除：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 lines removed, %2 lines added</source>
        <translation>删除 %1 行，添加 %2 行</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>qos %1 -&gt; %2</source>
        <translation>QoS %1 -&gt; %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>properties changed</source>
        <translation>属性已更改</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>binary payload changed (%1 -&gt; %2 bytes)</source>
        <translation>二进制载荷已更改（%1 -&gt; %2 字节）</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>added    %1: %2
</source>
        <translation>新增    %1：%2
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>removed  %1: %2
</source>
        <translation>删除    %1：%2
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>changed  %1
</source>
        <translation>更改    %1
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 added, %2 removed, %3 changed, %4 unchanged
</source>
        <translation>新增 %1，删除 %2，更改 %3，未变 %4
</translation>
    </message>
</context>
<context>
    <name>RetainedSnapshot</name>
    <message>
        <location filename="../core/retained/retained_snapshot.cpp" line="+80"/>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid JSON (%1)</source>
        <translation>不是有效的 JSON（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file is not a JSON object</source>
        <translation>该文件不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not a retained snapshot (expected &quot;%1&quot;)</source>
        <translation>不是保留消息快照（应为“%1”）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>missing or not a number</source>
        <translation>缺失或不是数字</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>version %1 is not supported (this build reads version %2)</source>
        <translation>不支持版本 %1（此版本读取版本 %2）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not a string</source>
        <translation>不是字符串</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>missing or empty</source>
        <translation>缺失或为空</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not an ISO 8601 date and time</source>
        <translation>不是 ISO 8601 日期时间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>missing or not an array</source>
        <translation>缺失或不是数组</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>topic is missing or empty</source>
        <translation>主题缺失或为空</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>topic &quot;%1&quot; appears twice</source>
        <translation>主题“%1”出现了两次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>qos must be 0, 1 or 2</source>
        <translation>qos 必须是 0、1 或 2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>payload is missing or not a string</source>
        <translation>载荷缺失或不是字符串</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>payload is not valid base64</source>
        <translation>载荷不是有效的 base64</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>contentType is not a string</source>
        <translation>contentType 不是字符串</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>payloadFormatIndicator must be 0 or 1</source>
        <translation>payloadFormatIndicator 必须是 0 或 1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>userProperties is not an array</source>
        <translation>userProperties 不是数组</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>each user property must be [name, value]</source>
        <translation>每个用户属性必须是 [名称, 值]</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+4"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
</context>
<context>
    <name>ScramError</name>
    <message>
        <location filename="../core/session/scram_error.cpp" line="+38"/>
        <source>The server asks for a SCRAM extension this client does not support.</source>
        <translation>服务器要求使用本客户端不支持的 SCRAM 扩展。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s SCRAM challenge is malformed (it needs r=, s= and i=).</source>
        <translation>服务器的 SCRAM 质询格式错误（需要 r=、s= 和 i=）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s SCRAM nonce does not extend the client&apos;s nonce; the authentication exchange may have been tampered with.</source>
        <translation>服务器的 SCRAM 随机数没有延续客户端的随机数；认证交换可能已被篡改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server asks for %1 SCRAM iterations, more than this client accepts (10,000,000).</source>
        <translation>服务器要求 %1 次 SCRAM 迭代，超过本客户端接受的上限（10,000,000）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server asked for a third SCRAM step; SCRAM has only two.</source>
        <translation>服务器要求第三个 SCRAM 步骤；SCRAM 只有两步。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the SCRAM authentication: %1.</source>
        <translation>服务器拒绝了 SCRAM 认证：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server ended the SCRAM exchange before it was complete.</source>
        <translation>服务器在 SCRAM 交换完成之前就结束了交换。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s SCRAM signature is wrong: it does not know the password, so it may not be the server you meant to reach.</source>
        <translation>服务器的 SCRAM 签名错误：它不知道密码，因此可能不是你要连接的服务器。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server accepted the login without proving it knows the password (no SCRAM server signature).</source>
        <translation>服务器接受了登录，却没有证明它知道密码（没有 SCRAM 服务器签名）。</translation>
    </message>
</context>
<context>
    <name>ScriptError</name>
    <message>
        <location filename="../core/script/script_error.cpp" line="+8"/>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>ServerReferencePrompt</name>
    <message>
        <location filename="../ui/connections/server_reference_prompt.cpp" line="+14"/>
        <source>Another server</source>
        <translation>另一台服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The broker of %1 says it has moved to %2.</source>
        <translation>%1 的代理表示它已迁移到 %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The broker of %1 asks to use another server: %2.</source>
        <translation>%1 的代理要求改用另一台服务器：%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect there now? The connection&apos;s other settings stay the same; the session there starts afresh unless that server keeps one for this client id.</source>
        <translation>现在连接到那里吗？连接的其他设置保持不变；除非那台服务器为此客户端 ID 保留了会话，否则会话将重新开始。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server Reference: %1</source>
        <translation>服务器引用：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect there</source>
        <translation>连接到那里</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay disconnected</source>
        <translation>保持断开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do the same from now on for this connection</source>
        <translation>此连接以后都这样处理</translation>
    </message>
</context>
<context>
    <name>SparkplugDecoder</name>
    <message>
        <location filename="../core/sparkplug/sparkplug_decoder.cpp" line="-26"/>
        <source>Not a valid Sparkplug B payload at byte %1: %2.</source>
        <translation>在第 %1 字节处不是有效的 Sparkplug B 载荷：%2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not a valid Sparkplug B payload: the Protobuf library refused it.</source>
        <translation>不是有效的 Sparkplug B 载荷：Protobuf 库拒绝了它。</translation>
    </message>
</context>
<context>
    <name>SparkplugSession</name>
    <message>
        <location filename="../core/sparkplug/sparkplug_session.cpp" line="+48"/>
        <source>DBIRTH before the node&apos;s NBIRTH</source>
        <translation>节点的 NBIRTH 之前出现 DBIRTH</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>NDATA before the node&apos;s NBIRTH</source>
        <translation>节点的 NBIRTH 之前出现 NDATA</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DDATA before the node&apos;s NBIRTH</source>
        <translation>节点的 NBIRTH 之前出现 DDATA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DDATA before the device&apos;s DBIRTH</source>
        <translation>设备的 DBIRTH 之前出现 DDATA</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no sequence number</source>
        <translation>没有序列号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sequence number %1 is not 0 to 255</source>
        <translation>序列号 %1 不在 0 到 255 之间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sequence gap: expected %1, got %2</source>
        <translation>序列号缺口：应为 %1，实际为 %2</translation>
    </message>
</context>
<context>
    <name>SslErrorTranslator</name>
    <message>
        <location filename="../core/transport/ssl_error_translator.cpp" line="+42"/>
        <source>The self-signed certificate `%1` is not trusted. If you trust this server, add the certificate to the trusted CA files.</source>
        <translation>自签名证书 `%1` 不受信任。如果你信任该服务器，请将此证书加入受信任的 CA 文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server certificate `%1` comes from an unknown issuer `%2`. Add that CA&apos;s certificate to the trusted CA files.</source>
        <translation>服务器证书 `%1` 来自未知的颁发者 `%2`。请将该 CA 的证书加入受信任的 CA 文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server certificate `%1` expired on %2.</source>
        <translation>服务器证书 `%1` 已于 %2 过期。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server certificate `%1` is not valid before %2. Check this computer&apos;s clock.</source>
        <translation>服务器证书 `%1` 在 %2 之前无效。请检查本机时钟。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hostname `%1` is not in the certificate names [%2]. Connect with one of those names, or enter one of them in &quot;Server name (SNI)&quot; on the TLS tab.</source>
        <translation>主机名 `%1` 不在证书名称 [%2] 中。请使用其中一个名称连接，或在 TLS 选项卡的“服务器名称 (SNI)”中填写其中一个名称。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server certificate `%1` was rejected: %2.</source>
        <translation>服务器证书 `%1` 被拒绝：%2。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The TLS handshake failed without a reason.</source>
        <translation>TLS 握手失败，未给出原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also: %1</source>
        <translation>另外：%1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The server requires a client certificate, and none is configured. Choose a client certificate and key, or a PKCS#12 bundle.</source>
        <translation>服务器要求客户端证书，但尚未配置。请选择客户端证书和私钥，或一个 PKCS#12 文件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server rejected the client certificate `%1` (issued by `%2`): %3. Check that the server trusts its issuer and that it has not expired.</source>
        <translation>服务器拒绝了客户端证书 `%1`（颁发者 `%2`）：%3。请确认服务器信任其颁发者，且证书未过期。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The private key does not belong to the client certificate.</source>
        <translation>该私钥与客户端证书不匹配。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The TLS handshake failed: %1</source>
        <translation>TLS 握手失败：%1</translation>
    </message>
</context>
<context>
    <name>StorageError</name>
    <message>
        <location filename="../core/storage/storage_error.cpp" line="+106"/>
        <source>Cannot open the database %1. Check that the folder exists and is writable, or choose another one with --data-dir.</source>
        <translation>无法打开数据库 %1。请确认文件夹存在且可写，或用 --data-dir 选择其他文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file %1 is not an MQTT Desk database. Move it away or choose another data folder with --data-dir.</source>
        <translation>文件 %1 不是 MQTT Desk 数据库。请将其移走，或用 --data-dir 选择其他数据文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database %1 was written by a newer version of MQTT Desk. Update MQTT Desk or use another data folder.</source>
        <translation>数据库 %1 由更新版本的 MQTT Desk 写入。请升级 MQTT Desk 或使用其他数据文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Upgrading the database %1 failed; it was left unchanged. Check free disk space and permissions, then start again.</source>
        <translation>升级数据库 %1 失败，数据库保持不变。请检查磁盘空间和权限后重新启动。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The disk holding %1 is full. Messages are no longer stored; reception goes on. Free some space or lower the retention limits, then resume storing.</source>
        <translation>存放 %1 的磁盘已满。消息不再保存，但仍继续接收。请释放空间或降低保留上限，然后恢复保存。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database %1 cannot be written (read-only file or missing permission). Messages are no longer stored; reception goes on.</source>
        <translation>无法写入数据库 %1（文件只读或缺少权限）。消息不再保存，但仍继续接收。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A disk error occurred while writing %1. Messages are no longer stored; reception goes on. Check the disk, then resume storing.</source>
        <translation>写入 %1 时发生磁盘错误。消息不再保存，但仍继续接收。请检查磁盘后恢复保存。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database %1 is damaged. Messages are no longer stored. Back it up and start with a new data folder.</source>
        <translation>数据库 %1 已损坏。消息不再保存。请备份后使用新的数据文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database %1 is locked by another program. Close the other MQTT Desk instance or use another data folder.</source>
        <translation>数据库 %1 被其他程序锁定。请关闭另一个 MQTT Desk 实例，或使用其他数据文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The topic filter %1 is not valid: &apos;#&apos; may only be the last level and &apos;+&apos; must fill a whole level.</source>
        <translation>主题过滤器 %1 无效：&apos;#&apos; 只能是最后一级，&apos;+&apos; 必须占据完整的一级。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The message is no longer stored in %1: the history was cleared or old messages were removed.</source>
        <translation>该消息已不在 %1 中：历史记录已被清除，或旧消息已被删除。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The regular expression %1 is not valid.</source>
        <translation>正则表达式 %1 无效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A database operation on %1 failed.</source>
        <translation>对 %1 的数据库操作失败。</translation>
    </message>
</context>
<context>
    <name>SuiteFieldReader</name>
    <message>
        <location filename="../core/suite/suite_field_reader.cpp" line="+49"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+126"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location line="-124"/>
        <location line="+99"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="-97"/>
        <location line="+43"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+142"/>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location line="-140"/>
        <location line="+128"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be %1, not %2</source>
        <translation>必须是 %1，而不是 %2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>must be a whole number from %1 to %2, not %3</source>
        <translation>必须是 %1 到 %2 之间的整数，而不是 %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be a whole number from %1 to %2, not &quot;%3&quot;</source>
        <translation>必须是 %1 到 %2 之间的整数，而不是“%3”</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>must be true or false, not &quot;%1&quot;</source>
        <translation>必须是 true 或 false，而不是“%1”</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>is not a field here (known: %1)</source>
        <translation>不是此处的字段（已知字段：%1）</translation>
    </message>
    <message>
        <location filename="../core/suite/suite_field_reader.h" line="+66"/>
        <source>&quot;%1&quot; is not one of: %2</source>
        <translation>“%1”不属于以下任一项：%2</translation>
    </message>
</context>
<context>
    <name>SuiteParseError</name>
    <message>
        <location filename="../core/suite/suite_parse_error.cpp" line="+28"/>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>test &quot;%1&quot;</source>
        <translation>测试“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step %1</source>
        <translation>步骤 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step %1 (%2)</source>
        <translation>步骤 %1（%2）</translation>
    </message>
</context>
<context>
    <name>SuiteParser</name>
    <message>
        <location filename="../core/suite/suite_parser.cpp" line="+93"/>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>not JSON: %1</source>
        <translation>不是 JSON：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not a test suite: the file must hold one JSON object with &quot;format&quot;: &quot;mqttdesk-suite&quot;</source>
        <translation>不是测试套件：文件必须包含一个带有 &quot;format&quot;: &quot;mqttdesk-suite&quot; 的 JSON 对象</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not a test suite: &quot;format&quot; must be &quot;mqttdesk-suite&quot;</source>
        <translation>不是测试套件：&quot;format&quot; 必须为 &quot;mqttdesk-suite&quot;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is not a variable name: use letters, digits, _, - and ., starting with a letter or _</source>
        <translation>不是有效的变量名：请使用字母、数字、_、- 和 .，并以字母或 _ 开头</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>must be a string, a number or true or false, not %1</source>
        <translation>必须是字符串、数字、true 或 false，而不是 %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>is missing (this program reads version %1)</source>
        <translation>缺失（本程序读取版本 %1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>version %1 is newer than this program reads (%2): update MQTT Desk</source>
        <translation>版本 %1 比本程序可读取的版本（%2）更新：请更新 MQTT Desk</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>suite</source>
        <translation>测试套件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is missing: name at least one connection, e.g. &quot;main&quot;: {&quot;host&quot;: &quot;localhost&quot;}</source>
        <translation>缺失：请至少命名一个连接，例如 &quot;main&quot;: {&quot;host&quot;: &quot;localhost&quot;}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>has no connection</source>
        <translation>没有连接</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+132"/>
        <source>must be an object, not %1</source>
        <translation>必须是对象，而不是 %1</translation>
    </message>
    <message>
        <location line="-121"/>
        <location line="+143"/>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>has no test</source>
        <translation>没有测试</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>another test is called &quot;%1&quot;: give each test its own name</source>
        <translation>已有另一个测试名为“%1”：请为每个测试取不同的名称</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;tls&quot; needs the transport tls or wss</source>
        <translation>&quot;tls&quot; 需要使用 tls 或 wss 传输</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be a file name (or an array of them), not %1</source>
        <translation>必须是文件名（或文件名数组），而不是 %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;cert&quot; and &quot;key&quot; go together</source>
        <translation>&quot;cert&quot; 和 &quot;key&quot; 必须同时提供</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>has no step</source>
        <translation>没有步骤</translation>
    </message>
</context>
<context>
    <name>SuiteStep</name>
    <message>
        <location filename="../core/suite/suite_step.cpp" line="+34"/>
        <source>connect %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subscribe %1 on %2</source>
        <translation>在 %2 上订阅 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>publish %1 on %2</source>
        <translation>在 %2 上发布 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expect %1 on %2</source>
        <translation>在 %2 上预期 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expect %1 messages on %2 on %3</source>
        <translation>在 %3 上预期 %2 收到 %1 条消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expect nothing on %1 on %2 for %3 ms</source>
        <translation>在 %2 上预期 %1 在 %3 毫秒内没有消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expect the will on %1 on %2 (a dropped %3 client)</source>
        <translation>在 %2 上预期 %1 收到遗嘱（%3 客户端已掉线）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>wait %1 ms</source>
        <translation>等待 %1 毫秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disconnect %1</source>
        <translation>断开 %1</translation>
    </message>
</context>
<context>
    <name>SuiteStepReader</name>
    <message>
        <location filename="../core/suite/suite_step_reader.cpp" line="+69"/>
        <source>a step must be an object, not %1</source>
        <translation>步骤必须是对象，而不是 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is missing: one of %1</source>
        <translation>缺失：需要 %1 之一</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+262"/>
        <source>must be a string, not %1</source>
        <translation>必须是字符串，而不是 %1</translation>
    </message>
    <message>
        <location line="-257"/>
        <source>&quot;%1&quot; is not a step (steps: %2)</source>
        <translation>“%1”不是步骤（可用步骤：%2）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>is missing: how long no message may come, in milliseconds</source>
        <translation>缺失：不应收到消息的时长（毫秒）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>is missing: the will&apos;s topic and payload, e.g. {&quot;topic&quot;: &quot;status&quot;, &quot;payload&quot;: &quot;offline&quot;}</source>
        <translation>缺失：遗嘱的主题和负载，例如 {&quot;topic&quot;: &quot;status&quot;, &quot;payload&quot;: &quot;offline&quot;}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is needed when the will&apos;s topic has {{variables}}</source>
        <translation>遗嘱主题含有 {{variables}} 时必须提供</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>there is no connection &quot;%1&quot; under &quot;connections&quot;</source>
        <translation>&quot;connections&quot; 下没有连接“%1”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is missing: how long to wait, in milliseconds</source>
        <translation>缺失：等待时长（毫秒）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>there is no connection &quot;%1&quot; under &quot;connections&quot; (there is: %2)</source>
        <translation>“connections”下没有名为“%1”的连接（现有：%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>is missing: the suite has several connections (%1), say which</source>
        <translation>缺失：该测试套件有多个连接（%1），请指明使用哪个</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is connected already by an earlier step: disconnect it first</source>
        <translation>“%1”已由之前的步骤连接：请先断开它</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no connection is open at this step: add a connect step before it</source>
        <translation>此步骤时没有打开的连接：请在它之前添加一个 connect 步骤</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not connected at this step: add a connect step for it before</source>
        <translation>此步骤时“%1”未连接：请在之前为它添加一个 connect 步骤</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>a payload given as JSON is sent as JSON: drop &quot;format&quot;, or give the payload as a string</source>
        <translation>以 JSON 给出的负载会按 JSON 发送：请删除“format”，或将负载写成字符串</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>must be a pair of strings, [&quot;name&quot;, &quot;value&quot;]</source>
        <translation>必须是一对字符串，[&quot;name&quot;, &quot;value&quot;]</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>must be an object of names and values, or an array of [name, value] pairs, not %1</source>
        <translation>必须是名称与值组成的对象，或 [name, value] 对组成的数组，而不是 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>is not JSON, as &quot;format&quot;: &quot;json&quot; says</source>
        <translation>不是 JSON，与 &quot;format&quot;: &quot;json&quot; 的声明不符</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a payload given as JSON is compared as JSON: drop &quot;format&quot;, or give the payload as a string</source>
        <translation>以 JSON 给出的负载会按 JSON 比较：请删除“format”，或将负载写成字符串</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>must be a condition {&quot;path&quot;: ..., &quot;op&quot;: ..., &quot;value&quot;: ...} or an array of them, not %1</source>
        <translation>必须是条件 {&quot;path&quot;: ..., &quot;op&quot;: ..., &quot;value&quot;: ...} 或由条件组成的数组，而不是 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be an object, not %1</source>
        <translation>必须是对象，而不是 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; is not an operator (operators: %2)</source>
        <translation>“%1”不是运算符（运算符：%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is missing: &quot;%1&quot; compares with a value</source>
        <translation>缺失：“%1”需要与一个值比较</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; takes no value</source>
        <translation>“%1”不接受值</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;matches&quot; takes a regular expression as a string</source>
        <translation>“matches”需要一个字符串形式的正则表达式</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; compares with a number or a string, not %2</source>
        <translation>“%1”只能与数字或字符串比较，而不是 %2</translation>
    </message>
</context>
<context>
    <name>SuiteTextReport</name>
    <message>
        <location filename="../core/suite/suite_text_report.cpp" line="+31"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>retained</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+12"/>
        <source>matched: %1</source>
        <translation>已匹配：%1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected: %1</source>
        <translation>预期：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sent: %1</source>
        <translation>已发送：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>received: %1: %2</source>
        <translation>已收到：%1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>received: nothing</source>
        <translation>已收到：无</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Tests: %1, passed %2, failed %3, errors %4, skipped %5 (%6)</source>
        <translation>测试：%1，通过 %2，失败 %3，错误 %4，跳过 %5（%6）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Suite %1</source>
        <translation>测试套件 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suite %1 (%2)</source>
        <translation>测试套件 %1（%2）</translation>
    </message>
</context>
<context>
    <name>SuiteVariables</name>
    <message>
        <location filename="../core/suite/suite_variables.cpp" line="+48"/>
        <source>&quot;${&quot; at character %1 has no closing &quot;}&quot; (write &quot;$${&quot; for a literal &quot;${&quot;)</source>
        <translation>第 %1 个字符处的“${”没有闭合的“}”（字面的“${”请写作“$${”）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the environment variable %1 is not set</source>
        <translation>环境变量 %1 未设置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>there is no variable &quot;%1&quot;: define it under &quot;variables&quot;, or give it with --var %1=value</source>
        <translation>没有变量“%1”：请在“variables”下定义它，或用 --var %1=value 给出</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the variables %1 refer to each other in a loop</source>
        <translation>变量 %1 相互循环引用</translation>
    </message>
</context>
<context>
    <name>TemplateError</name>
    <message>
        <location filename="../core/publish/template_error.cpp" line="+9"/>
        <source>“{{” has no closing “}}”. Close the variable, or write “{{{{” for a literal “{{”.</source>
        <translation>“{{”没有闭合的“}}”。请闭合该变量，或写“{{{{”表示字面的“{{”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{{}}” names no variable. Write a name between the braces, or “{{{{” for a literal “{{”.</source>
        <translation>“{{}}”中没有变量名。请在花括号之间写一个名称，或写“{{{{”表示字面的“{{”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no variable “%1”. Define it in the collection or the connection, or use a built-in one: uuid, now, now_ms, counter, client_id, random, random_float, pick.</source>
        <translation>不存在变量“%1”。请在集合或连接中定义它，或使用内置变量：uuid、now、now_ms、counter、client_id、random、random_float、pick。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{{%1}}” takes no arguments.</source>
        <translation>“{{%1}}”不接受参数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write {{random MIN MAX}} with two whole numbers, MIN not above MAX.</source>
        <translation>请写成 {{random MIN MAX}}，带两个整数，且 MIN 不大于 MAX。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write {{random_float MIN MAX DECIMALS}}: two numbers, MIN below MAX, and 0 to 15 decimals (2 when left out).</source>
        <translation>请写成 {{random_float MIN MAX DECIMALS}}：两个数，MIN 小于 MAX，以及 0 到 15 位小数（省略时为 2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write {{pick A B C}} with at least one word to pick from; quote a word with spaces: &quot;a b&quot;.</source>
        <translation>请写成 {{pick A B C}}，至少给出一个可选的词；含空格的词请加引号：&quot;a b&quot;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A quoted word in “{{%1 …}}” has no closing quote.</source>
        <translation>“{{%1 …}}”中有一个带引号的词缺少闭合引号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This field takes no variables.</source>
        <translation>此字段不接受变量。</translation>
    </message>
</context>
<context>
    <name>TemplateFieldError</name>
    <message>
        <location filename="../core/publish/compiled_template.cpp" line="+10"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Content type</source>
        <translation>内容类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Response topic</source>
        <translation>响应主题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Correlation data</source>
        <translation>关联数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User property %1</source>
        <translation>用户属性 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TemplateLibrary</name>
    <message>
        <location filename="../core/publish/template_library.cpp" line="+63"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (copy %2)</source>
        <translation>%1（副本 %2）</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>There is no template “%1”.</source>
        <translation>不存在模板“%1”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several collections have a template “%1”: %2. Name it as “Collection/%1”.</source>
        <translation>多个集合中都有模板“%1”：%2。请写成“集合/%1”。</translation>
    </message>
</context>
<context>
    <name>TemplateLibraryJson</name>
    <message>
        <location filename="../core/publish/template_library_json.cpp" line="+110"/>
        <source>&quot;%1&quot; (allowed: text, json, hex, base64)</source>
        <translation>&quot;%1&quot;（允许：text、json、hex、base64）</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>This is not JSON (line %1): %2.</source>
        <translation>这不是 JSON（第 %1 行）：%2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is not an MQTT Desk template file: it has no &quot;format&quot;: &quot;mqttdesk-templates&quot;.</source>
        <translation>这不是 MQTT Desk 模板文件：其中没有 &quot;format&quot;: &quot;mqttdesk-templates&quot;。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file was written by a newer MQTT Desk (template format %1); update the application to read it.</source>
        <translation>该文件由更新版本的 MQTT Desk 写入（模板格式 %1）；请更新应用程序后再读取。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cannot read the templates in %1: %2.</source>
        <translation>无法读取 %1 中的模板：%2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The templates in %1 cannot be read: %2</source>
        <translation>无法读取 %1 中的模板：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+6"/>
        <source>Cannot write the templates to %1: %2.</source>
        <translation>无法将模板写入 %1：%2。</translation>
    </message>
</context>
<context>
    <name>TemplateLibraryTransfer</name>
    <message>
        <location filename="../ui/workbench/template_library_transfer.cpp" line="+18"/>
        <source>Template collections (*.json);;All files (*)</source>
        <translation>模板集合 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file holds no collection: nothing was imported.</source>
        <translation>文件中没有集合：未导入任何内容。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n collection(s) added.</source>
        <translation>
            <numerusform>已添加 %n 个集合。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n collection(s) replaced.</source>
        <translation>
            <numerusform>已替换 %n 个集合。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2.</source>
        <translation>%1，%2。</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n collection(s) added</source>
        <translation>
            <numerusform>已添加 %n 个集合</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n replaced</source>
        <translation>
            <numerusform>已替换 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>Import template collections</source>
        <translation>导入模板集合</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+5"/>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export the collection “%1”</source>
        <translation>导出集合“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export all template collections</source>
        <translation>导出所有模板集合</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n collection(s) exported to %1.</source>
        <translation>
            <numerusform>已将 %n 个集合导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateVariableNames</name>
    <message>
        <location filename="../core/profile/template_variable_names.cpp" line="+32"/>
        <source>Variable %1 has a value but no name.</source>
        <translation>变量 %1 有值但没有名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” cannot be a variable name: use one word without spaces, braces or quotes.</source>
        <translation>“%1”不能用作变量名：请使用一个不含空格、花括号或引号的词。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is a built-in variable: choose another name.</source>
        <translation>“%1”是内置变量：请换一个名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The variable “%1” is defined twice.</source>
        <translation>变量“%1”被定义了两次。</translation>
    </message>
</context>
<context>
    <name>TlsConfigurationLoader</name>
    <message>
        <location filename="../core/transport/tls_configuration_loader.cpp" line="+30"/>
        <source>Cannot read the %1 file `%2`: %3.</source>
        <translation>无法读取%1文件 `%2`：%3。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The %1 file `%2` is empty.</source>
        <translation>%1文件 `%2` 为空。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>`%1` holds a private key, not a certificate.</source>
        <translation>`%1` 包含的是私钥，不是证书。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>`%1` is not a certificate: it holds no PEM or DER X.509 certificate.</source>
        <translation>`%1` 不是证书：其中没有 PEM 或 DER 格式的 X.509 证书。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The private key `%1` is encrypted: enter its passphrase.</source>
        <translation>私钥 `%1` 已加密：请输入其口令。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The passphrase for the private key `%1` is wrong.</source>
        <translation>私钥 `%1` 的口令错误。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>`%1` holds a certificate, not a private key.</source>
        <translation>`%1` 包含的是证书，不是私钥。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>`%1` is not a private key: expected an RSA, EC or DSA key in PEM or DER.</source>
        <translation>`%1` 不是私钥：应为 PEM 或 DER 格式的 RSA、EC 或 DSA 私钥。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PKCS#12</source>
        <translation>PKCS#12</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>`%1` is not a PKCS#12 bundle (.p12 / .pfx).</source>
        <translation>`%1` 不是 PKCS#12 文件（.p12 / .pfx）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The PKCS#12 bundle `%1` is protected: enter its password.</source>
        <translation>PKCS#12 文件 `%1` 受密码保护：请输入其密码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot open the PKCS#12 bundle `%1`: the password is wrong, or the bundle uses an algorithm this system&apos;s OpenSSL does not support.</source>
        <translation>无法打开 PKCS#12 文件 `%1`：密码错误，或该文件使用了本系统 OpenSSL 不支持的算法。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The private key `%1` does not belong to the client certificate `%2`: their public keys differ. Pick the key made with that certificate.</source>
        <translation>私钥 `%1` 与客户端证书 `%2` 不匹配：二者的公钥不同。请选择与该证书配套的私钥。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>A client certificate needs its private key: choose the key file.</source>
        <translation>客户端证书需要对应的私钥：请选择私钥文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A client key needs its certificate: choose the certificate file.</source>
        <translation>客户端私钥需要对应的证书：请选择证书文件。</translation>
    </message>
</context>
<context>
    <name>TlsKeyLog</name>
    <message>
        <location filename="../core/transport/tls_key_log.cpp" line="+134"/>
        <source>Cannot write the TLS key log file %1: %2. The connection goes on without it.</source>
        <translation>无法写入 TLS 密钥日志文件 %1：%2。连接将在没有它的情况下继续。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>TLS session keys cannot be written to %1: Qt&apos;s TLS backend (%2, %3) made no session of the OpenSSL this program was built with (%4).</source>
        <translation>无法将 TLS 会话密钥写入 %1：Qt 的 TLS 后端（%2，%3）没有使用本程序构建时所用的 OpenSSL（%4）创建会话。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cannot write the TLS key log file %1: %2.</source>
        <translation>无法写入 TLS 密钥日志文件 %1：%2。</translation>
    </message>
</context>
<context>
    <name>Topic</name>
    <message>
        <location filename="../core/protocol/topic.cpp" line="+69"/>
        <source>The topic is empty. Enter at least one character.</source>
        <translation>主题为空。请至少输入一个字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The topic is longer than 65,535 bytes in UTF-8. Shorten it.</source>
        <translation>主题的 UTF-8 长度超过 65,535 字节。请缩短。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The topic contains a null character (U+0000), which MQTT does not allow.</source>
        <translation>主题包含空字符（U+0000），MQTT 不允许。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The topic contains an unpaired surrogate and cannot be encoded as UTF-8.</source>
        <translation>主题包含不成对的代理字符，无法编码为 UTF-8。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A topic to publish to cannot contain the wildcards &apos;+&apos; or &apos;#&apos;.</source>
        <translation>发布的主题不能包含通配符 &apos;+&apos; 或 &apos;#&apos;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The wildcard &apos;#&apos; must be the last level of the filter, as in &quot;sport/#&quot;.</source>
        <translation>通配符 &apos;#&apos; 必须是过滤器的最后一级，例如 &quot;sport/#&quot;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The wildcard &apos;#&apos; must fill a whole level, as in &quot;sport/#&quot;, not &quot;sport#&quot;.</source>
        <translation>通配符 &apos;#&apos; 必须占据完整的一级，例如 &quot;sport/#&quot;，而不是 &quot;sport#&quot;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The wildcard &apos;+&apos; must fill a whole level, as in &quot;sport/+/player&quot;, not &quot;sport+&quot;.</source>
        <translation>通配符 &apos;+&apos; 必须占据完整的一级，例如 &quot;sport/+/player&quot;，而不是 &quot;sport+&quot;。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A shared subscription needs a share name: &quot;$share/{name}/{filter}&quot;.</source>
        <translation>共享订阅需要共享名：&quot;$share/{name}/{filter}&quot;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The share name of a shared subscription cannot contain &apos;+&apos; or &apos;#&apos;.</source>
        <translation>共享订阅的共享名不能包含 &apos;+&apos; 或 &apos;#&apos;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A shared subscription needs a filter after its share name: &quot;$share/{name}/{filter}&quot;.</source>
        <translation>共享订阅在共享名之后需要一个过滤器：&quot;$share/{name}/{filter}&quot;。</translation>
    </message>
</context>
<context>
    <name>TopicRewrite</name>
    <message>
        <location filename="../core/automation/topic_rewrite.cpp" line="+11"/>
        <source>&apos;%1&apos; is not a rewrite: write OLD=NEW, e.g. prod/=test/.</source>
        <translation>“%1”不是改写规则：请写成 旧=新，例如 prod/=test/。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos;: a topic cannot contain the wildcards + or #.</source>
        <translation>“%1”：主题不能包含通配符 + 或 #。</translation>
    </message>
</context>
<context>
    <name>TransportError</name>
    <message>
        <location filename="../core/transport/transport_error.cpp" line="+117"/>
        <source>Connection to %1 refused: no server is listening on that port, or a firewall rejected the connection.</source>
        <translation>连接 %1 被拒绝：该端口上没有服务在监听，或者防火墙拒绝了连接。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Host `%1` not found: the name does not resolve. Check the spelling and your DNS settings.</source>
        <translation>找不到主机 `%1`：无法解析该名称。请检查拼写和 DNS 设置。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No answer from %1 in time.</source>
        <translation>%1 没有及时响应。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server %1 closed the connection.</source>
        <translation>服务器 %1 关闭了连接。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The proxy refused the credentials. Check the proxy user and password.</source>
        <translation>代理拒绝了凭据。请检查代理用户名和密码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection to the proxy refused: no proxy is listening there.</source>
        <translation>连接代理被拒绝：那里没有代理在监听。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The proxy closed the connection before reaching %1.</source>
        <translation>代理在连接到 %1 之前关闭了连接。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The proxy did not answer in time.</source>
        <translation>代理没有及时响应。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The proxy host was not found.</source>
        <translation>找不到代理主机。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The proxy could not connect to %1: %2</source>
        <translation>代理无法连接到 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The proxy refused to connect to %1 (%2). Check that the proxy allows this host and port.</source>
        <translation>代理拒绝连接到 %1（%2）。请确认代理允许该主机和端口。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (through the proxy)</source>
        <translation>（经由代理）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network error with %1%2: %3</source>
        <translation>与 %1%2 通信时发生网络错误：%3</translation>
    </message>
</context>
<context>
    <name>UserPropertyParser</name>
    <message>
        <location filename="../ui/subscriptions/user_property_parser.cpp" line="+19"/>
        <source>User property &quot;%1&quot; needs the form name=value.</source>
        <translation>用户属性“%1”须为 名称=值 的形式。</translation>
    </message>
</context>
<context>
    <name>ValueExtractor</name>
    <message>
        <location filename="../core/series/value_extractor.cpp" line="+171"/>
        <source>The scale and the offset must be finite numbers.</source>
        <translation>比例和偏移必须是有限的数。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The decoder is missing.</source>
        <translation>缺少解码器。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+101"/>
        <source>The element index must be a whole number, 0 or more.</source>
        <translation>元素下标必须是不小于 0 的整数。</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not finite (NaN or infinity)</source>
        <translation>不是有限数（NaN 或无穷大）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not JSON</source>
        <translation>不是 JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>does not decode</source>
        <translation>无法解码</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&apos;%1&apos; is not a kind of value: use text, jsonPath, numericArray or decoded.</source>
        <translation>“%1”不是取值方式：请用 text、jsonPath、numericArray 或 decoded。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos; must be text.</source>
        <translation>“%1”必须是文本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; must be a number.</source>
        <translation>“%1”必须是数字。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; must be an object.</source>
        <translation>“%1”必须是对象。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>There is no decoder &apos;%1&apos;.</source>
        <translation>没有名为“%1”的解码器。</translation>
    </message>
</context>
<context>
    <name>WebSocketFrameReader</name>
    <message>
        <location filename="../core/transport/web_socket_frame_reader.cpp" line="+45"/>
        <source>The server sent a WebSocket close frame with a one-byte body; a close body starts with a two-byte code (RFC 6455 5.5.1).</source>
        <translation>服务器发送的 WebSocket 关闭帧正文只有一个字节；关闭帧正文应以两字节的状态码开头（RFC 6455 5.5.1）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The server sent a masked WebSocket frame; a server must not mask its frames (RFC 6455 5.1).</source>
        <translation>服务器发送了带掩码的 WebSocket 帧；服务器不得对其帧加掩码（RFC 6455 5.1）。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The server sent a WebSocket frame whose length has its top bit set, which RFC 6455 5.2 forbids.</source>
        <translation>服务器发送的 WebSocket 帧长度的最高位被置位，RFC 6455 5.2 禁止这样做。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server sent a WebSocket frame with reserved bits set, but no extension was agreed (RFC 6455 5.2).</source>
        <translation>服务器发送的 WebSocket 帧设置了保留位，但双方并未协商任何扩展（RFC 6455 5.2）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server sent a WebSocket text frame; MQTT allows only binary frames [MQTT-6.0.0-1].</source>
        <translation>服务器发送了 WebSocket 文本帧；MQTT 只允许二进制帧 [MQTT-6.0.0-1]。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server began a new WebSocket message before finishing the fragmented one (RFC 6455 5.4).</source>
        <translation>服务器在分片消息结束之前开始了新的 WebSocket 消息（RFC 6455 5.4）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server sent a WebSocket continuation frame with no message to continue (RFC 6455 5.4).</source>
        <translation>服务器发送了 WebSocket 延续帧，但没有可延续的消息（RFC 6455 5.4）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server sent a WebSocket control frame that is fragmented or longer than 125 bytes (RFC 6455 5.5).</source>
        <translation>服务器发送的 WebSocket 控制帧被分片或长于 125 字节（RFC 6455 5.5）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server sent a WebSocket frame with the unknown opcode %1 (RFC 6455 5.2).</source>
        <translation>服务器发送了操作码未知（%1）的 WebSocket 帧（RFC 6455 5.2）。</translation>
    </message>
</context>
<context>
    <name>WebSocketHandshake</name>
    <message>
        <location filename="../core/transport/web_socket_handshake.cpp" line="+112"/>
        <source>The server&apos;s answer to the WebSocket upgrade has no end after %1 bytes: this port does not seem to serve WebSocket.</source>
        <translation>服务器对 WebSocket 升级的应答在 %1 字节后仍未结束：此端口似乎不提供 WebSocket 服务。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The server did not answer the WebSocket upgrade with HTTP: this port does not seem to serve WebSocket.</source>
        <translation>服务器没有用 HTTP 应答 WebSocket 升级：此端口似乎不提供 WebSocket 服务。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The server answered the WebSocket upgrade with status 101 but without &quot;Upgrade: websocket&quot; and &quot;Connection: Upgrade&quot;.</source>
        <translation>服务器以状态 101 应答了 WebSocket 升级，但缺少“Upgrade: websocket”和“Connection: Upgrade”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s Sec-WebSocket-Accept does not match the key sent: something between here and the broker changed the handshake.</source>
        <translation>服务器的 Sec-WebSocket-Accept 与发送的密钥不符：本机与代理之间有某个环节改动了握手。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server chose the WebSocket extension &quot;%1&quot;, which was not offered.</source>
        <translation>服务器选择了未提供的 WebSocket 扩展“%1”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server chose the WebSocket subprotocol &quot;%1&quot;; MQTT needs &quot;mqtt&quot; [MQTT-6.0.0-4].</source>
        <translation>服务器选择了 WebSocket 子协议“%1”；MQTT 需要“mqtt” [MQTT-6.0.0-4]。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+63"/>
        <source>A native desktop MQTT client.</source>
        <translation>原生桌面 MQTT 客户端。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep the database and settings in &lt;dir&gt; (also: MQTTDESK_DATA_DIR).</source>
        <translation>将数据库和设置保存在 &lt;dir&gt;（也可用 MQTTDESK_DATA_DIR）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save a picture of the main window to &lt;file&gt; after startup, then quit.</source>
        <translation>启动后将主窗口截图保存到 &lt;file&gt;，然后退出。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+10"/>
        <location line="+18"/>
        <source>MQTT Desk</source>
        <translation>MQTT Desk</translation>
    </message>
</context>
<context>
    <name>mqttdesk::AdvancedPage</name>
    <message>
        <location filename="../ui/dialogs/advanced_page.cpp" line="+72"/>
        <location line="+49"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+313"/>
        <source>C&amp;lean start (discard the previous session)</source>
        <translation>清除开始(&amp;L)（丢弃之前的会话）</translation>
    </message>
    <message>
        <location line="-248"/>
        <source>Ends with the connection</source>
        <translation>随连接结束</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Not sent (65,535)</source>
        <translation>不发送（65,535）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 (no aliases)</source>
        <translation>0（不使用别名）</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Request &amp;response information</source>
        <translation>请求响应信息(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request problem &amp;information</source>
        <translation>请求问题信息(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnect &amp;automatically</source>
        <translation>自动重连(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue them and send after reconnecting</source>
        <translation>排队，重连后发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse them</source>
        <translation>拒绝发送</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP (CONNECT)</source>
        <translation>HTTP（CONNECT）</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="-41"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Advanced settings</source>
        <translation>高级设置</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>A&amp;dd variable</source>
        <translation>添加变量(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove variable</source>
        <translation>移除变量</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Res&amp;ume the session the broker kept from an earlier run</source>
        <translation>恢复代理为上次运行保留的会话(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MQTT 5.0 with clean start off. On: after a restart the app takes over the session the broker kept and receives what was queued meanwhile. Off: the first connection of each run starts a new session.</source>
        <translation>适用于关闭“清除开始”的 MQTT 5.0。开启：重启后接管代理保留的会话，并收到期间排队的消息。关闭：每次运行的首次连接都开始新会话。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store each message before ac&amp;knowledging it (QoS 1 and 2)</source>
        <translation>确认前先保存每条消息（QoS 1 和 2）(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The broker is told a message arrived only after it is in the history, so a crash of the app cannot lose it: the broker sends it again after reconnecting.</source>
        <translation>消息写入历史记录后才向代理确认，因此应用崩溃也不会丢失消息：代理会在重新连接后再次发送。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>In order: the main address, then the list</source>
        <translation>按顺序：先主地址，再按列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At random, anew for each attempt</source>
        <translation>随机：每次尝试重新选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask each time</source>
        <translation>每次询问</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always go there</source>
        <translation>总是前往</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never go there</source>
        <translation>从不前往</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An MQTT 5.0 broker may answer &quot;Use another server&quot; or &quot;Server moved&quot; and name the server to use instead.</source>
        <translation>MQTT 5.0 代理可能回复“使用另一台服务器”或“服务器已迁移”，并指明应改用的服务器。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save passwords &amp;unencrypted in the profile</source>
        <translation>在配置中以明文保存密码(&amp;U)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep alive:</source>
        <translation>保活间隔(&amp;K)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Session &amp;expiry:</source>
        <translation>会话过期(&amp;E)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MQTT 5.0 connect properties</source>
        <translation>MQTT 5.0 连接属性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recei&amp;ve maximum:</source>
        <translation>接收最大值(&amp;V)：</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Maximum packet si&amp;ze:</source>
        <translation>最大报文长度(&amp;Z)：</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>No limit (256 MB, the protocol&apos;s largest)</source>
        <translation>不限制（256 MB，协议允许的最大值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A larger packet from the server closes the connection with an error that says so. MQTT 5.0 also tells the server the limit, which then does not send such messages; MQTT 3.1.1 cannot.</source>
        <translation>服务器发来更大的报文时，连接将被关闭并给出说明该情况的错误。MQTT 5.0 还会把此限制告知服务器，服务器便不会发送这类消息；MQTT 3.1.1 无法告知。</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>&amp;Topic alias maximum:</source>
        <translation>主题别名最大值(&amp;T)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User &amp;properties:</source>
        <translation>用户属性(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnect and offline queue</source>
        <translation>重连与离线队列</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shortest dela&amp;y:</source>
        <translation>最短间隔(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lon&amp;gest delay:</source>
        <translation>最长间隔(&amp;G)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Offline queue size:</source>
        <translation>离线队列长度(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Publis&amp;hes while offline:</source>
        <translation>离线时的发布(&amp;H)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other brokers</source>
        <translation>其他代理</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tried when the main address cannot be reached, on connect and on every reconnect. The TLS and proxy settings apply to each.</source>
        <translation>在连接和每次重连时，主地址无法访问就依次尝试这些地址。TLS 和代理设置对每个地址都适用。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Fallback brokers:</source>
        <translation>备用代理(&amp;F)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try them:</source>
        <translation>尝试方式：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server refers elsewhere:</source>
        <translation>服务器指向别处时：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pro&amp;xy:</source>
        <translation>代理(&amp;X)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proxy &amp;host:</source>
        <translation>代理主机(&amp;H)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proxy po&amp;rt:</source>
        <translation>代理端口(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proxy user &amp;name:</source>
        <translation>代理用户名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proxy pass&amp;word:</source>
        <translation>代理密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extra &amp;headers:</source>
        <translation>附加请求头(&amp;H)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template variables</source>
        <translation>模板变量</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Used as {{name}} in the templates of this connection&apos;s Publish tab. A value here wins over a collection&apos;s variable of the same name.</source>
        <translation>在此连接“发布”标签页的模板中以 {{name}} 形式使用。此处的值优先于集合中的同名变量。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Varia&amp;bles:</source>
        <translation>变量(&amp;B)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message history</source>
        <translation>消息历史</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep at most (&amp;messages):</source>
        <translation>最多保留（条数）(&amp;M)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep at most (&amp;size):</source>
        <translation>最多保留（大小）(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep at most (a&amp;ge):</source>
        <translation>最多保留（时长）(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passwords</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>C&amp;lean session (discard the previous session)</source>
        <translation>清除会话(&amp;L)（丢弃之前的会话）</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Instead of the system keychain. Anyone who can read your files can read them.</source>
        <translation>不使用系统钥匙串。任何能读取你文件的人都能看到这些密码。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::AlertLogModel</name>
    <message>
        <location filename="../core/alerts/alert_log_model.cpp" line="+56"/>
        <source>Fired</source>
        <translation>已触发</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cleared</source>
        <translation>已解除</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (its message was not published: %2)</source>
        <translation>%1（其消息未发布：%2）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>mqttdesk::AlertMonitor</name>
    <message>
        <location filename="../core/alerts/alert_monitor.cpp" line="+127"/>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::AlertNotifier</name>
    <message>
        <location filename="../ui/alerts/alert_notifier.cpp" line="+87"/>
        <source>MQTT Desk: alerts</source>
        <translation>MQTT Desk：告警</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Alert: %1</source>
        <translation>告警：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing on %1 for %2 s</source>
        <translation>%1 上 %2 秒内无消息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 messages/s on %2</source>
        <translation>%2 上 %1 条消息/秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the retained message on %1 changed</source>
        <translation>%1 上的保留消息已更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the connection was lost: %1</source>
        <translation>连接已断开：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>(and %n more)</source>
        <translation>
            <numerusform>（还有 %n 条）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttdesk::AlertRuleForm</name>
    <message>
        <location filename="../ui/alerts/alert_rule_form.cpp" line="+204"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Hot boiler (alerts are reported under it)</source>
        <translation>例如 锅炉过热（告警以此名称报告）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Watch:</source>
        <translation>监视(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A value in the payload</source>
        <translation>负载中的某个值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silence: no message for a while</source>
        <translation>静默：一段时间内无消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message rate</source>
        <translation>消息速率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A retained message that changed</source>
        <translation>发生变化的保留消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection going down</source>
        <translation>连接断开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Topic filter:</source>
        <translation>主题过滤器(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. plant/+/boiler (+ and # allowed)</source>
        <translation>例如 plant/+/boiler（允许使用 + 和 #）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;JSON path:</source>
        <translation>JSON path(&amp;J)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. $.temp (empty: the whole payload)</source>
        <translation>例如 $.temp（留空：整个负载）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;ecode as:</source>
        <translation>解码为(&amp;E)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing: the payload as it is</source>
        <translation>不解码：按原样使用负载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A binary payload (CBOR, Protobuf, …) is decoded first; the JSON path then applies to what it decodes to.</source>
        <translation>二进制负载（CBOR、Protobuf 等）会先被解码；JSON path 随后作用于解码结果。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Condition:</source>
        <translation>条件(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare with a threshold</source>
        <translation>与阈值比较</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match a regular expression</source>
        <translation>匹配正则表达式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fires when:</source>
        <translation>触发条件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comparison</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;gular expression:</source>
        <translation>正则表达式(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. \b(ERROR|FATAL)\b (searched in the text)</source>
        <translation>例如 \b(ERROR|FATAL)\b（在文本中搜索）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hysteresis:</source>
        <translation>迟滞(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A fired rule clears only once the value is past the threshold by this much (&quot;&gt; 90&quot; with 2 clears at 88), so a value hovering around it does not flap</source>
        <translation>已触发的规则只有在值越过阈值达到此幅度后才会解除（“&gt; 90”配合 2 时在 88 解除），这样在阈值附近波动的值不会反复触发</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Silent for:</source>
        <translation>静默时长(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+3"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Over the &amp;last:</source>
        <translation>统计时长(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rate is the mean over this many whole seconds</source>
        <translation>速率为这么多整秒内的平均值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ooldown:</source>
        <translation>冷却时间(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After firing, the rule does not fire again until it has cleared and this much time has passed</source>
        <translation>触发后，规则须先解除并经过这段时间，才会再次触发</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pu&amp;blish a message when the rule fires</source>
        <translation>规则触发时发布消息(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Message topic:</source>
        <translation>消息主题(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. alerts/{rule}</source>
        <translation>例如 alerts/{rule}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pa&amp;yload:</source>
        <translation>负载(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. {&quot;topic&quot;:&quot;{topic}&quot;,&quot;value&quot;:{value}}</source>
        <translation>例如 {&quot;topic&quot;:&quot;{topic}&quot;,&quot;value&quot;:{value}}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;QoS:</source>
        <translation>QoS(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep on the broker (retain)</source>
        <translation>保留在代理上（retain）(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rule}, {topic}, {value}, {event} and {time} are replaced; keep the topic outside the filters the rules watch.</source>
        <translation>{rule}、{topic}、{value}、{event} 和 {time} 会被替换；请让该主题不落在规则所监视的过滤器范围内。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>greater than</source>
        <translation>大于</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>at least</source>
        <translation>至少</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>less than</source>
        <translation>小于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at most</source>
        <translation>至多</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>equal to</source>
        <translation>等于</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not equal to</source>
        <translation>不等于</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1  (%2)</source>
        <translation>%1  （%2）</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The rate threshold is a number of messages per second, e.g. 500 or 0.5.</source>
        <translation>速率阈值为每秒消息数，例如 500 或 0.5。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the topic to publish to, or untick &quot;Publish a message when the rule fires&quot;.</source>
        <translation>请输入要发布到的主题，或取消勾选“规则触发时发布消息”。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>messages per second, e.g. 500</source>
        <translation>每秒消息数，例如 500</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number, or a text for == and !=</source>
        <translation>数字；== 和 != 也可用文本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fires when a message&apos;s value passes the threshold, or its text matches the regular expression. Each topic the filter matches has its own alert.</source>
        <translation>当消息的值越过阈值，或其文本匹配正则表达式时触发。过滤器匹配的每个主题各有独立的告警。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fires when no message arrived on the filter for this long, and clears with the next one. Not judged while disconnected.</source>
        <translation>当过滤器在这段时间内没有收到消息时触发，下一条消息到达时解除。断开连接期间不判断。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fires when the messages per second on the filter, averaged over the window, pass the threshold.</source>
        <translation>当过滤器上每秒的消息数（在统计窗口内取平均）越过阈值时触发。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fires when a retained message arrives whose payload differs from the last retained one of its topic.</source>
        <translation>当收到的保留消息的负载与该主题上一条保留消息不同时触发。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fires when the connection goes down without you disconnecting it, and clears when it is up again.</source>
        <translation>当连接并非由你主动断开而中断时触发，连接恢复后解除。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>payload</source>
        <translation>负载</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 matches /%2/ on %3</source>
        <translation>%3 上的 %1 匹配 /%2/</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2 %3 on %4</source>
        <translation>%4 上的 %1 %2 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing on %1 for %2 s</source>
        <translation>%1 上 %2 秒内无消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 msg/s on %3</source>
        <translation>%3 上 %1 %2 条消息/秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>retained changes on %1</source>
        <translation>%1 上的保留消息变化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connection lost</source>
        <translation>连接断开</translation>
    </message>
</context>
<context>
    <name>mqttdesk::AlertRulesDialog</name>
    <message>
        <location filename="../ui/alerts/alert_rules_dialog.cpp" line="+112"/>
        <source>Alert rules — %1</source>
        <translation>告警规则 — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules judge every message this connection receives, so subscribe to the topics they watch. A rule that fires is listed in the Alerts panel (View &gt; Alerts) and shown as a desktop notification. The rules are kept with this connection and apply as soon as you press OK.</source>
        <translation>规则会判断此连接收到的每条消息，因此请订阅规则所监视的主题。触发的规则会列在“告警”面板（视图 &gt; 告警）中，并以桌面通知显示。规则随此连接保存，按下“确定”后立即生效。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+249"/>
        <source>Alert rules</source>
        <translation>告警规则</translation>
    </message>
    <message>
        <location line="-248"/>
        <source>The check box turns a rule on or off</source>
        <translation>复选框用于启用或停用规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a copy of the selected rule</source>
        <translation>添加所选规则的副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected rule</source>
        <translation>移除所选规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move u&amp;p</source>
        <translation>上移(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected rule up the list</source>
        <translation>将所选规则在列表中上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected rule down the list</source>
        <translation>将所选规则在列表中下移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No alert rules yet. Press Add to watch a value, a silence, a rate, a retained message or the connection itself.</source>
        <translation>尚无告警规则。按“添加”可监视某个值、静默、速率、保留消息或连接本身。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the rules with those of a rule file</source>
        <translation>用规则文件中的规则替换当前规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the rules as a rule file, e.g. for mqttdesk-cli watch --rules</source>
        <translation>将规则保存为规则文件，例如供 mqttdesk-cli watch --rules 使用</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The saved rules in %1 cannot be read, so the list starts empty; OK replaces that file. %2</source>
        <translation>无法读取 %1 中保存的规则，因此列表从空开始；按“确定”会替换该文件。%2</translation>
    </message>
    <message>
        <location line="+82"/>
        <location line="+104"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>%1 (off)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 copy</source>
        <translation>%1 副本</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Rule %1, %2: %3</source>
        <translation>规则 %1，%2：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two rules are named &quot;%1&quot;: alerts are reported by name, so each rule needs its own.</source>
        <translation>有两条规则都名为“%1”：告警按名称报告，因此每条规则需要各自的名称。</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+6"/>
        <source>Import alert rules</source>
        <translation>导入告警规则</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+16"/>
        <source>Alert rule files (*.json);;All files (*)</source>
        <translation>告警规则文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The rules in %1 cannot be read: %2</source>
        <translation>无法读取 %1 中的规则：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+7"/>
        <source>Export alert rules</source>
        <translation>导出告警规则</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1 alert rules.json</source>
        <translation>%1 告警规则.json</translation>
    </message>
</context>
<context>
    <name>mqttdesk::AlertsPanel</name>
    <message>
        <location filename="../ui/alerts/alerts_panel.cpp" line="+113"/>
        <location line="+121"/>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>Filter by connection, rule, topic or value</source>
        <translation>按连接、规则、主题或值过滤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the alerts</source>
        <translation>过滤告警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desktop notifications</source>
        <translation>桌面通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also show a desktop notification when a rule fires (at most one per rule every 10 seconds)</source>
        <translation>规则触发时也显示桌面通知（每条规则每 10 秒最多一次）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the alert rules of the shown connection</source>
        <translation>编辑所显示连接的告警规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert rules of the shown connection</source>
        <translation>所显示连接的告警规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty the list of alerts (the rules keep watching)</source>
        <translation>清空告警列表（规则仍会继续监视）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the alerts</source>
        <translation>清除告警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No alerts. Rules are set per connection with Connection &gt; Alert rules…; what they report is listed here.</source>
        <translation>没有告警。规则通过“连接 &gt; 告警规则…”按连接设置；它们报告的内容会列在这里。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Detach the alerts</source>
        <translation>分离告警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detach the alerts into a window of their own</source>
        <translation>将告警分离为独立窗口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the alerts</source>
        <translation>关闭告警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the alerts (View &gt; Alerts shows them again)</source>
        <translation>关闭告警（“视图 &gt; 告警”可重新显示）</translation>
    </message>
    <message numerus="yes">
        <location line="+98"/>
        <source>Alerts (%n active)</source>
        <translation>
            <numerusform>告警（%n 条活动）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Alerts</source>
        <translation>告警(&amp;A)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::BrokerProbe</name>
    <message>
        <location filename="../core/probe/broker_probe.cpp" line="+89"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Not tried: the server could not be reached (%1)</source>
        <translation>未尝试：无法连接到服务器（%1）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not tried: no protocol version was accepted.</source>
        <translation>未尝试：没有被接受的协议版本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+90"/>
        <source>Not tried: the connection for the checks could not be opened: %1</source>
        <translation>未尝试：无法打开用于检查的连接：%1</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Not tried: MQTT 5.0 only, and the checks ran with MQTT %1.</source>
        <translation>未尝试：仅适用于 MQTT 5.0，而检查使用的是 MQTT %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not tried: no pings were asked for.</source>
        <translation>未尝试：未要求执行 ping。</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Accepted as &quot;%1&quot; (keep alive %2 s).</source>
        <translation>已以“%1”被接受（保活 %2 秒）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No CONNACK: %1</source>
        <translation>无 CONNACK：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The subscription at QoS %1 was refused: %2</source>
        <translation>QoS %1 的订阅被拒绝：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Maximum QoS %1 announced, so not published at QoS %2 [MQTT-3.2.2-11]; the SUBACK granted QoS %3.</source>
        <translation>代理声明的最大 QoS 为 %1，因此未以 QoS %2 发布 [MQTT-3.2.2-11]；SUBACK 授予的 QoS 为 %3。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The QoS %1 PUBLISH failed: %2</source>
        <translation>QoS %1 的 PUBLISH 失败：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Published at QoS %1, but it did not come back within %2 s.</source>
        <translation>已以 QoS %1 发布，但在 %2 秒内没有收回。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Granted QoS %1; published and received back at QoS %1.</source>
        <translation>授予 QoS %1；已以 QoS %1 发布并收回。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downgraded: the SUBACK granted QoS %1 and the message came back at QoS %2.</source>
        <translation>已降级：SUBACK 授予 QoS %1，消息以 QoS %2 收回。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Retain Available 0 announced, so nothing was published retained [MQTT-3.2.2-14].</source>
        <translation>代理声明 Retain Available 为 0，因此没有发布保留消息 [MQTT-3.2.2-14]。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The retained PUBLISH failed: %1</source>
        <translation>保留 PUBLISH 失败：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not tried: the subscription to read it back was refused: %1</source>
        <translation>未尝试：用于读回的订阅被拒绝：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Set, but a new subscription did not receive it within %1 s.</source>
        <translation>已设置，但新订阅在 %1 秒内没有收到它。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Set and received, but clearing it failed: %1</source>
        <translation>已设置并收到，但清除失败：%1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Set, received by a new subscription with the retain flag, and cleared.</source>
        <translation>已设置，新订阅收到了带保留标志的消息，且已清除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set and received, but whether it was cleared could not be seen within %1 s.</source>
        <translation>已设置并收到，但在 %1 秒内无法确认是否已清除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set and received, but an empty retained message did not clear it [MQTT-3.3.1-6].</source>
        <translation>已设置并收到，但空的保留消息未能将其清除 [MQTT-3.3.1-6]。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The subscription to %1 was refused: %2</source>
        <translation>对 %1 的订阅被拒绝：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Publishing to %1 failed: %2</source>
        <translation>发布到 %1 失败：%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Subscribed to %1, but %2 did not arrive within %3 s.</source>
        <translation>已订阅 %1，但 %2 未在 %3 秒内到达。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The message came without subscription identifier %1.</source>
        <translation>收到的消息未带订阅标识符 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Subscribed to %1 with identifier %2; the message came with it.</source>
        <translation>已使用标识符 %2 订阅 %1；收到的消息带有该标识符。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subscribed to %1 and received %2.</source>
        <translation>已订阅 %1 并收到 %2。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::BrokerProbeDialog</name>
    <message>
        <location filename="../ui/probe/broker_probe_dialog.cpp" line="+163"/>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Testing: %1</source>
        <translation>正在测试：%1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The broker could not be reached with any protocol version.</source>
        <translation>用任何协议版本都无法连接到代理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Largest payload that passed: %1 bytes.</source>
        <translation>通过的最大负载：%1 字节。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ping: p50 %1 ms, p99 %2 ms over %3.</source>
        <translation>Ping：p50 %1 毫秒，p99 %2 毫秒（共 %3 次）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retained messages left behind (clear them by hand): %1.</source>
        <translation>遗留的保留消息（请手动清除）：%1。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export report as JSON</source>
        <translation>将报告导出为 JSON</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export report as Markdown</source>
        <translation>将报告导出为 Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown files (*.md);;All files (*)</source>
        <translation>Markdown 文件 (*.md);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report saved to %1.</source>
        <translation>报告已保存到 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Cancel test</source>
        <translation>取消测试(&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Run again</source>
        <translation>再次运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Start test</source>
        <translation>开始测试(&amp;S)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Test broker — %1</source>
        <translation>测试代理 — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tries what the broker of %1 (%2:%3) supports, with connections of its own: client ids starting with &quot;mdprobe-&quot;, topics under &quot;mqttdesk/probe/&quot;. The retained messages it sets are cleared at the end. The connection itself is not used.</source>
        <translation>使用独立的连接测试 %1（%2:%3）的代理支持哪些功能：客户端 ID 以“mdprobe-”开头，主题位于“mqttdesk/probe/”下。测试设置的保留消息会在结束时清除。不会使用该连接本身。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Largest &amp;payload to try (KiB):</source>
        <translation>尝试的最大负载(&amp;P)（KiB）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The upper bound of the search for the largest payload that passes; the broker&apos;s announced Maximum Packet Size lowers it</source>
        <translation>搜索可通过的最大负载时的上限；代理公布的最大报文长度会降低该上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;ings:</source>
        <translation>Ping 次数(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PINGREQ round trips for the latency line (0: skip it)</source>
        <translation>用于延迟一行的 PINGREQ 往返次数（0：跳过）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason code</source>
        <translation>原因码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capability checks</source>
        <translation>功能检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the MQTT 5.0 CONNACK &amp;announced:</source>
        <translation>MQTT 5.0 CONNACK 公布的内容(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CONNACK announcements</source>
        <translation>CONNACK 公布的属性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Markdown…</source>
        <translation>导出 Markdown(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;JSON…</source>
        <translation>导出 JSON(&amp;J)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Start to begin. The test takes a few seconds.</source>
        <translation>按“开始测试”启动。测试需要几秒钟。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::BrokerStatsWatcher</name>
    <message>
        <location filename="../core/brokerstats/broker_stats_watcher.cpp" line="+168"/>
        <source>The broker refused the subscription to %1: %2</source>
        <translation>代理拒绝了对 %1 的订阅：%2</translation>
    </message>
</context>
<context>
    <name>mqttdesk::BrokerView</name>
    <message>
        <location filename="../ui/brokerstats/broker_view.cpp" line="+166"/>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broker version</source>
        <translation>代理版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Uptime:</source>
        <translation>运行时间(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broker uptime</source>
        <translation>代理运行时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clients connected</source>
        <translation>已连接客户端</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clients total</source>
        <translation>客户端总数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clients maximum</source>
        <translation>客户端峰值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retained messages</source>
        <translation>保留消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Load, 1 / 5 / 15 min</source>
        <translation>负载，1 / 5 / 15 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heap, current / maximum</source>
        <translation>堆内存，当前 / 峰值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Messages received</source>
        <translation>已接收消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Messages sent</source>
        <translation>已发送消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes received</source>
        <translation>已接收字节</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes sent</source>
        <translation>已发送字节</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clients connected plus disconnected clients with a kept session</source>
        <translation>已连接的客户端，加上会话被保留的已断开客户端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The most clients connected at once since the broker started</source>
        <translation>代理启动以来同时连接的客户端数的最大值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages received per minute, averaged over 1, 5 and 15 minutes</source>
        <translation>每分钟接收的消息数，分别取 1、5 和 15 分钟的平均值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 per second, up to the last 5 minutes</source>
        <translation>%1（每秒），最多显示最近 5 分钟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All $SYS &amp;topics:</source>
        <translation>全部 $SYS 主题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$SYS topics</source>
        <translation>$SYS 主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 d %2 h %3 min</source>
        <translation>%1 天 %2 小时 %3 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s</source>
        <translation>%1 分钟 %2 秒</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This broker published no $SYS topics within %1 s. mosquitto publishes them unless sys_interval is 0; EMQX and HiveMQ need them enabled.</source>
        <translation>此代理在 %1 秒内没有发布任何 $SYS 主题。mosquitto 会发布它们，除非 sys_interval 为 0；EMQX 和 HiveMQ 需要先启用它们。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Waiting for the broker&apos;s $SYS topics…</source>
        <translation>正在等待代理的 $SYS 主题…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Updated %1 s ago</source>
        <translation>%1 秒前更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated %1 min ago</source>
        <translation>%1 分钟前更新</translation>
    </message>
</context>
<context>
    <name>mqttdesk::CaFileList</name>
    <message>
        <location filename="../ui/widgets/ca_file_list.cpp" line="+66"/>
        <source>Choose CA certificates</source>
        <translation>选择 CA 证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer *.der);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Drop CA certificate files here or add them with +.</source>
        <translation>将 CA 证书文件拖放到这里，或点击 + 添加。</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+1"/>
        <source>Add CA certificate files</source>
        <translation>添加 CA 证书文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Remove the selected CA file</source>
        <translation>移除选中的 CA 文件</translation>
    </message>
</context>
<context>
    <name>mqttdesk::CaptureImportJob</name>
    <message numerus="yes">
        <location filename="../core/automation/capture_import_job.cpp" line="+94"/>
        <source>Canceled after %n message(s).</source>
        <translation>
            <numerusform>已在 %n 条消息后取消。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The history cannot be written (%1); %n message(s) were imported before.</source>
        <translation>
            <numerusform>无法写入历史记录（%1）；此前已导入 %n 条消息。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttdesk::CaptureRecordingJob</name>
    <message>
        <location filename="../core/automation/capture_recording_job.cpp" line="+39"/>
        <source>A recording is already running: stop it first.</source>
        <translation>已有录制正在进行：请先停止。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Writing %1 failed: %2. The disk may be full; what was recorded until then is in the file.</source>
        <translation>写入 %1 失败：%2。磁盘可能已满；此前录制的内容已保存在文件中。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::CertificateInspector</name>
    <message>
        <location filename="../core/profile/certificate_inspector.cpp" line="+99"/>
        <source>%1 is a private key, not a certificate.</source>
        <translation>%1 是私钥，不是证书。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a certificate (neither PEM nor DER X.509).</source>
        <translation>%1 不是证书（既不是 PEM 也不是 DER 格式的 X.509）。</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>The certificate %1 expired on %2.</source>
        <translation>证书 %1 已于 %2 过期。</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>The file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The certificate %1 is not valid before %2.</source>
        <translation>证书 %1 在 %2 之前无效。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 is encrypted: enter its passphrase.</source>
        <translation>%1 已加密：请输入其口令。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The passphrase for %1 is wrong.</source>
        <translation>%1 的口令错误。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a certificate, not a private key.</source>
        <translation>%1 是证书，不是私钥。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a private key (neither PEM nor DER).</source>
        <translation>%1 不是私钥（既不是 PEM 也不是 DER）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 could not be opened: the password is wrong or it is not a PKCS#12 bundle.</source>
        <translation>无法打开 %1：密码错误，或者它不是 PKCS#12 文件。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The private key does not belong to the certificate %1: the server will reject the connection.</source>
        <translation>该私钥与证书 %1 不匹配：服务器将拒绝连接。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::CertificateText</name>
    <message>
        <location filename="../ui/widgets/certificate_text.cpp" line="+15"/>
        <source>EXPIRED on %1</source>
        <translation>已于 %1 过期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid before %1</source>
        <translation>%1 之前无效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expires %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject: %1 · Issuer: %2 · %3</source>
        <translation>主体：%1 · 颁发者：%2 · %3</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ChartLegend</name>
    <message>
        <location filename="../ui/charts/chart_legend.cpp" line="+90"/>
        <source>Show or hide this line</source>
        <translation>显示或隐藏这条线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
Show or hide this line</source>
        <translation>%1
显示或隐藏这条线</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ChartPanelFrame</name>
    <message>
        <location filename="../ui/charts/chart_panel_frame.cpp" line="+44"/>
        <source>Remove this chart</source>
        <translation>移除此图表</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Chart %1</source>
        <translation>图表 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <comment>between the series&apos; names in a chart&apos;s title</comment>
        <translation>，</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Remove chart: %1</source>
        <translation>移除图表：%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ChartPlot</name>
    <message>
        <location filename="../ui/charts/chart_plot.cpp" line="+60"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+296"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <location line="+230"/>
        <source>%n line(s) shown from %1 to %2. The mouse wheel, + and - zoom; dragging or the arrow keys pan; Shift-drag zooms to a box; Shift+arrows move the crosshair; Home or a double-click shows the whole range.</source>
        <translation>
            <numerusform>显示 %n 条线，从 %1 到 %2。鼠标滚轮、+ 和 - 缩放；拖动或方向键平移；按住 Shift 拖动可缩放到选框；Shift+方向键移动十字线；Home 或双击显示整个范围。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttdesk::ChartSeriesDialog</name>
    <message>
        <location filename="../ui/charts/chart_series_dialog.cpp" line="+62"/>
        <source>A series needs a topic filter and a name as text.</source>
        <translation>数据系列需要文本形式的主题过滤器和名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; must be true or false.</source>
        <translation>“%1”必须是 true 或 false。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A series needs an extractor object.</source>
        <translation>数据系列需要一个取值对象。</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Chart series</source>
        <translation>图表数据系列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Topic filter:</source>
        <translation>主题过滤器(&amp;T)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Value:</source>
        <translation>取值(&amp;V)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decoder:</source>
        <translation>解码器(&amp;D)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Path:</source>
        <translation>路径(&amp;P)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Metric:</source>
        <translation>指标(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Element:</source>
        <translation>元素(&amp;E)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Layout:</source>
        <translation>布局(&amp;L)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Scale:</source>
        <translation>比例(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;ffset:</source>
        <translation>偏移(&amp;F)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number from text</source>
        <translation>文本中的数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON path</source>
        <translation>JSON 路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numeric array element</source>
        <translation>数值数组元素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoded field</source>
        <translation>解码后的字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As the decoding rules show it</source>
        <translation>按解码规则显示的方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sparkplug B metric name or alias (optional)</source>
        <translation>Sparkplug B 指标名称或别名（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads this Sparkplug B metric&apos;s value instead of a path: its name, or its alias number for data messages that send only the alias</source>
        <translation>读取此 Sparkplug B 指标的值而不是路径：填写其名称，或对只发送别名的数据消息填写别名编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Named after the filter and path</source>
        <translation>按过滤器和路径命名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sensors/+/temperature</source>
        <translation>sensors/+/temperature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.value</source>
        <translation>$.value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One &amp;line per topic</source>
        <translation>每个主题一条线(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown in the legend and the exported CSV</source>
        <translation>显示在图例和导出的 CSV 中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The messages to chart; + and # match any topic level</source>
        <translation>要绘制的消息；+ 和 # 匹配任意主题层级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How a number is read from each message</source>
        <translation>如何从每条消息读取数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The decoder whose rendering the path reads; the decoding rules use each topic&apos;s rule, as the stream does</source>
        <translation>路径读取其输出的解码器；“解码规则”会像消息流一样按每个主题的规则解码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A JSON path: $.value, $.sensors[0].temp, $..t (the first t at any depth)</source>
        <translation>JSON 路径：$.value、$.sensors[0].temp、$..t（任意深度的第一个 t）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which number of the array, from 0</source>
        <translation>数组中的第几个数，从 0 开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number type, byte order and header bytes to skip, e.g. int16be:4 or float32le</source>
        <translation>数值类型、字节序和要跳过的头部字节数，例如 int16be:4 或 float32le</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each value is multiplied by this, then the offset is added</source>
        <translation>每个值先乘以此数，再加上偏移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to each value after scaling</source>
        <translation>缩放后加到每个值上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series with another unit get an axis on the right</source>
        <translation>单位不同的数据系列使用右侧坐标轴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unticked: every topic the filter matches goes into one line</source>
        <translation>不勾选时：过滤器匹配的所有主题合为一条线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Topic filter: %1</source>
        <translation>主题过滤器：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scale must be a number, e.g. 0.1.</source>
        <translation>比例必须是数字，例如 0.1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The offset must be a number, e.g. -273.15.</source>
        <translation>偏移必须是数字，例如 -273.15。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Layout: %1</source>
        <translation>布局：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter a JSON path, e.g. $.value, or a Sparkplug B metric.</source>
        <translation>请输入 JSON 路径（如 $.value）或 Sparkplug B 指标。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a JSON path, e.g. $.value.</source>
        <translation>请输入 JSON 路径，例如 $.value。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path: %1</source>
        <translation>路径：%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ChartsPage</name>
    <message>
        <location filename="../ui/charts/charts_page.cpp" line="+45"/>
        <source>Add c&amp;hart</source>
        <translation>添加图表(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add another chart below the others</source>
        <translation>在其他图表下方再添加一个图表</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>The saved charts cannot be read: %1</source>
        <translation>无法读取保存的图表：%1</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Remove chart</source>
        <translation>移除图表</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Remove the chart &quot;%1&quot; with its %n series?</source>
        <translation>
            <numerusform>移除图表“%1”及其 %n 个序列？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The chart cannot be saved: %1</source>
        <translation>无法保存图表：%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ChartsView</name>
    <message>
        <location filename="../ui/charts/charts_view.cpp" line="+34"/>
        <source>Last minute</source>
        <translation>最近 1 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>&amp;Add series…</source>
        <translation>添加数据系列(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart the values of a topic filter: a number, a JSON path, an array element or a decoded field</source>
        <translation>绘制主题过滤器的数值：数字、JSON 路径、数组元素或解码后的字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change a series</source>
        <translation>修改数据系列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit a series</source>
        <translation>编辑数据系列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove a series from the chart</source>
        <translation>从图表中移除数据系列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove a series</source>
        <translation>移除数据系列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;ange:</source>
        <translation>范围(&amp;A)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The time the chart covers</source>
        <translation>图表覆盖的时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Follow live</source>
        <translation>实时跟随(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw new messages as they are stored; a &quot;Last&quot; range slides with the clock</source>
        <translation>新消息存储后立即绘制；“最近”范围随时钟滑动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the raw values in view (time, series, value)</source>
        <translation>保存视图中的原始值（时间、数据系列、值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;PNG…</source>
        <translation>导出 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a picture of the chart</source>
        <translation>保存图表的图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legend: tick a line to show it</source>
        <translation>图例：勾选以显示该线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart status</source>
        <translation>图表状态</translation>
    </message>
    <message>
        <location line="+330"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add a series to chart values from the stored history.</source>
        <translation>添加数据系列，绘制已存储历史中的数值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No values in this time range.</source>
        <translation>此时间范围内没有数值。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reading the history…</source>
        <translation>正在读取历史…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln value(s) plotted</source>
        <translation>
            <numerusform>已绘制 %Ln 个值</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln value(s) skipped: %1</source>
        <translation>
            <numerusform>跳过 %Ln 个值：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+7"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The values could not be saved to %1: %2</source>
        <translation>无法将数值保存到 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+6"/>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The picture could not be saved to %1.</source>
        <translation>无法将图片保存到 %1。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>A chart series could not be restored: %1</source>
        <translation>无法恢复图表数据系列：%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::CollectionDialog</name>
    <message>
        <location filename="../ui/workbench/collection_dialog.cpp" line="+52"/>
        <source>Template collection</source>
        <translation>模板集合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Pump station</source>
        <translation>例如：泵站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Offered on:</source>
        <translation>提供给(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A collection bound to one connection is only offered on that connection</source>
        <translation>绑定到某个连接的集合只在该连接上提供</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Variables (used as {{name}} in the collection&apos;s templates):</source>
        <translation>变量(&amp;V)（在集合的模板中以 {{name}} 使用）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add variable</source>
        <translation>添加变量(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove variable</source>
        <translation>移除变量(&amp;R)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>All connections</source>
        <translation>所有连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only “%1”</source>
        <translation>仅“%1”</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Give the collection a name.</source>
        <translation>请为集合命名。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ConnectBuilder</name>
    <message>
        <location filename="../core/session/connect_builder.cpp" line="+45"/>
        <source>MQTT 3.1 allows client ids of 1 to 23 characters; &quot;%1&quot; has %2. Use a shorter id or MQTT 3.1.1 / 5.0.</source>
        <translation>MQTT 3.1 的客户端 ID 须为 1 到 23 个字符；“%1”有 %2 个。请使用更短的 ID，或改用 MQTT 3.1.1 / 5.0。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The client id contains the null character U+0000.</source>
        <translation>客户端 ID 包含空字符 U+0000。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>MQTT 3.1 and 3.1.1 send a password only together with a user name. Enter a user name or use MQTT 5.0.</source>
        <translation>MQTT 3.1 和 3.1.1 只能在有用户名时发送密码。请输入用户名，或改用 MQTT 5.0。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The will topic is invalid: %1</source>
        <translation>遗嘱主题无效：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The will QoS must be 0, 1 or 2.</source>
        <translation>遗嘱消息的 QoS 必须是 0、1 或 2。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Receive Maximum must be at least 1.</source>
        <translation>接收最大值至少为 1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Maximum Packet Size must be at least 1.</source>
        <translation>最大报文长度至少为 1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enhanced authentication (%1) needs MQTT 5.0.</source>
        <translation>增强认证（%1）需要 MQTT 5.0。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::Connection</name>
    <message>
        <location filename="../core/connection/connection.cpp" line="+61"/>
        <source>main address</source>
        <translation>主地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fallback</source>
        <translation>备用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from DNS SRV</source>
        <translation>来自 DNS SRV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from the server reference</source>
        <translation>来自服务器引用</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no answer within %1 s</source>
        <translation>%1 秒内没有应答</translation>
    </message>
    <message>
        <location line="+191"/>
        <source>Following the server reference to %1.</source>
        <translation>按服务器引用前往 %1。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Connecting to %1:%2 over %3 with MQTT %4.</source>
        <translation>正在通过 %3 以 MQTT %4 连接 %1:%2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connecting with MQTT %1.</source>
        <translation>正在使用 MQTT %1 连接。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Dropping the connection without DISCONNECT.</source>
        <translation>不发送 DISCONNECT 直接断开连接。</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Storage is behind: reading from the server paused.</source>
        <translation>存储跟不上：已暂停从服务器读取。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Storage caught up: reading from the server again.</source>
        <translation>存储已赶上：重新从服务器读取。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Connected to %1 (%2).</source>
        <translation>已连接到 %1（%2）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected as &quot;%1&quot; (session present: %2, keep alive %3 s).</source>
        <translation>已以“%1”连接（会话存在：%2，保活 %3 秒）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The server disconnected: %1%2</source>
        <translation>服务器断开了连接：%1%2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the server has moved</source>
        <translation>服务器已迁移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use another server</source>
        <translation>使用另一台服务器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server names another server (%1) in its server reference &quot;%2&quot;, but no address in it can be read.</source>
        <translation>服务器在其服务器引用“%2”中指明了另一台服务器（%1），但其中没有可读取的地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server names another server (%1): &quot;%2&quot;, that is %3.</source>
        <translation>服务器指明了另一台服务器（%1）：“%2”，即 %3。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 failed: %2. No other broker address is left to try.</source>
        <translation>%1 失败：%2。没有其他可尝试的代理地址了。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 failed: %2. Trying the next broker address.</source>
        <translation>%1 失败：%2。正在尝试下一个代理地址。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Trying %1 over %2 (%3, address %4 of %5).</source>
        <translation>正在通过 %2 尝试 %1（%3，第 %4 个地址，共 %5 个）。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Transport open.</source>
        <translation>传输已打开。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The server closed the connection.</source>
        <translation>服务器关闭了连接。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ConnectionActions</name>
    <message>
        <location filename="../ui/mainwindow/connection_actions.cpp" line="+54"/>
        <source>&amp;New connection…</source>
        <translation>新建连接(&amp;N)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Move to folder…</source>
        <translation>移动到文件夹(&amp;M)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import connections…</source>
        <translation>导入连接(&amp;I)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport connections…</source>
        <translation>导出连接(&amp;X)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;isconnect</source>
        <translation>断开(&amp;I)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ConnectionController</name>
    <message numerus="yes">
        <location filename="../ui/connections/connection_controller.cpp" line="+85"/>
        <source>Recording stopped: %n message(s) in %1.</source>
        <translation>
            <numerusform>录制已停止：%1 中有 %n 条消息。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The alert rules in %1 cannot be read, so none are watched: %2 Fix the file, or set the rules again (Connection &gt; Alert rules…).</source>
        <translation>无法读取 %1 中的告警规则，因此不会监视任何规则：%2 请修复该文件，或重新设置规则（连接 &gt; 告警规则…）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Alert rule &quot;%1&quot; fired, but its message was not published: %2</source>
        <translation>告警规则“%1”已触发，但其消息未发布：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Alert rule &quot;%1&quot;: %2</source>
        <translation>告警规则“%1”：%2</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Reconnecting in %1 s (attempt %2)</source>
        <translation>%1 秒后重新连接（第 %2 次尝试）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reconnecting (attempt %1)</source>
        <translation>正在重新连接（第 %1 次尝试）</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The server sent this certificate chain:</source>
        <translation>服务器发送的证书链：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>
  certificate %1, issued by %2, valid until %3</source>
        <translation>
  证书 %1，颁发者 %2，有效期至 %3</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 (fallback)</source>
        <translation>%1（备用）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (DNS SRV)</source>
        <translation>%1（DNS SRV）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (server reference)</source>
        <translation>%1（服务器引用）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not going to %1: this connection is set never to follow a server reference.</source>
        <translation>不前往 %1：此连接设置为从不跟随服务器引用。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not going to %1: declined.</source>
        <translation>不前往 %1：已拒绝。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ConnectionDialog</name>
    <message>
        <location filename="../ui/dialogs/connection_dialog.cpp" line="+34"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Advanced</source>
        <translation>高级(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Last will</source>
        <translation>遗嘱消息(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;est connection</source>
        <translation>测试连接(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection settings</source>
        <translation>连接设置</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>%1 also connects to %2:%3 with the client ID “%4”. Connected at the same time, the broker disconnects one of them.</source>
        <translation>%1 也以客户端 ID “%4”连接到 %2:%3。两者同时连接时，代理会断开其中一个。</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>(%n more problem(s))</source>
        <translation>
            <numerusform>（另有 %n 个问题）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Testing needs the connection engine, which this build does not have yet.</source>
        <translation>测试需要连接引擎，当前版本尚未包含。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ConnectionHeader</name>
    <message>
        <location filename="../ui/connections/connection_header.cpp" line="+58"/>
        <location line="+1"/>
        <source>Edit connection</source>
        <translation>编辑连接</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>No connection selected</source>
        <translation>未选择连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a connection on the left, or create one with New.</source>
        <translation>请在左侧选择一个连接，或点击“新建”创建一个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+23"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+1"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnect from %1</source>
        <translation>断开与 %1 的连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop connecting to %1</source>
        <translation>停止连接到 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect to %1</source>
        <translation>连接到 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Received %1 · Stored %2 · Shown %3</source>
        <translation>已接收 %1 · 已存储 %2 · 已显示 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Received: messages this connection received since it was opened. Stored: messages in its history. Shown: stored messages that match the stream&apos;s filter.</source>
        <translation>已接收：此连接打开以来收到的消息。已存储：其历史记录中的消息。已显示：符合消息流过滤条件的已存储消息。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not stored: %1</source>
        <translation>未存储：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not storing</source>
        <translation>未在存储</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages that arrived but could not be written to the history (its queue was full or the disk failed). The broker sends QoS 1 and 2 messages again; QoS 0 messages are lost.</source>
        <translation>已到达但无法写入历史记录的消息（其队列已满或磁盘出错）。代理会重发 QoS 1 和 2 的消息；QoS 0 的消息会丢失。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The history cannot be written: %1 Messages wait in memory up to the writer&apos;s queue (any beyond it are counted here), and storing resumes by itself once this is fixed.</source>
        <translation>无法写入历史记录：%1 消息在内存中等待，最多到写入队列的容量（超出的计入此处）；问题解决后会自动恢复存储。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>● Recording %1</source>
        <translation>● 正在录制 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording this connection&apos;s messages to %1. Click to stop.</source>
        <translation>正在将此连接的消息录制到 %1。点击停止。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop recording</source>
        <translation>停止录制</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ConnectionListModel</name>
    <message>
        <location filename="../ui/connections/connection_list_model.cpp" line="+94"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+102"/>
        <source>Folder %1 (%n connection(s))</source>
        <translation>
            <numerusform>文件夹 %1（%n 个连接）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2（%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2, %3</source>
        <translation>%1，%2，%3</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ConnectionSidebar</name>
    <message>
        <location filename="../ui/connections/connection_sidebar.cpp" line="+34"/>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved connections</source>
        <translation>已保存的连接</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ConnectionTester</name>
    <message>
        <location filename="../ui/connections/connection_tester.cpp" line="+16"/>
        <source>Connected. Session present: %1.</source>
        <translation>已连接。会话已存在：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Client id: %1</source>
        <translation>客户端 ID：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server keep alive: %1 s</source>
        <translation>服务器保活时间：%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session expiry: %1 s</source>
        <translation>会话过期时间：%1 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive maximum: %1, maximum QoS: %2, retain available: %3</source>
        <translation>接收最大值：%1，最大 QoS：%2，支持保留消息：%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Maximum packet size: %1 bytes</source>
        <translation>最大报文大小：%1 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Certificate chain sent by the server:</source>
        <translation>服务器发送的证书链：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1. %2 — issued by %3 — valid %4 to %5 — names: %6</source>
        <translation>%1. %2 — 颁发者 %3 — 有效期 %4 至 %5 — 名称：%6</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ConnectionView</name>
    <message>
        <location filename="../ui/stream/connection_view.cpp" line="+166"/>
        <source>The decoding rules cannot be read: %1</source>
        <translation>无法读取解码规则：%1</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Views of this connection</source>
        <translation>此连接的视图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stream</source>
        <translation>消息流</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every message of this connection, newest at the bottom</source>
        <translation>此连接的所有消息，最新的在底部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The map of every topic received: counts, rates, last values and retained messages</source>
        <translation>收到的所有主题的地图：计数、速率、最新值和保留消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Broker</source>
        <translation>代理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the broker publishes about itself under $SYS: version, clients, message rates and load</source>
        <translation>代理在 $SYS 下发布的自身信息：版本、客户端、消息速率和负载</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values from topics and JSON paths over the whole history, drawn live</source>
        <translation>主题和 JSON 路径的数值，覆盖全部历史，实时绘制</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish templates with variables: collections, a preview of each message, timed sends</source>
        <translation>使用变量发布模板：集合、每条消息的预览、定时发送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Packets</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every MQTT packet sent and received, with round-trip times and the messages in flight</source>
        <translation>所有发送和接收的 MQTT 数据包，以及往返时间和传输中的消息</translation>
    </message>
    <message>
        <location line="+177"/>
        <source>The message is sent but was not stored in the history: the storage queue is full.</source>
        <translation>消息已发送，但未存入历史记录：存储队列已满。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The message was not added to the publish history: %1</source>
        <translation>消息未能加入发布历史：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The publish history could not be read: %1</source>
        <translation>无法读取发布历史：%1</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The decoding rules were not saved: %1</source>
        <translation>解码规则未能保存：%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ConnectionWorkspace</name>
    <message>
        <location filename="../ui/connections/connection_workspace.cpp" line="+64"/>
        <location line="+13"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Messages are no longer stored: %1 They are still shown and wait in memory, up to the writer&apos;s queue, until storing resumes by itself (tried every 10 s).</source>
        <translation>消息不再被存储：%1 它们仍会显示，并在内存中等待（最多到写入队列的容量），直到存储自动恢复（每 10 秒重试一次）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Messages are stored again.</source>
        <translation>消息已重新开始存储。</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>No connection selected.</source>
        <translation>未选择连接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not connected. Press Connect to open %1 and see its messages here.</source>
        <translation>未连接。点击“连接”打开 %1，其消息将显示在这里。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::DecodeError</name>
    <message>
        <location filename="../core/protocol/decode_error.cpp" line="+18"/>
        <source>the packet type is reserved or not part of this protocol version</source>
        <translation>报文类型为保留值，或不属于此协议版本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the fixed header flags are invalid for this packet type</source>
        <translation>固定报头标志对此报文类型无效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a Variable Byte Integer is longer than 4 bytes</source>
        <translation>变长字节整数超过 4 字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the packet is larger than the maximum packet size</source>
        <translation>报文超过最大报文长度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the packet ends in the middle of a field</source>
        <translation>报文在某个字段中间结束</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the packet has unexpected bytes after its last field</source>
        <translation>报文在最后一个字段之后有多余的字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a string is not well-formed UTF-8</source>
        <translation>字符串不是格式正确的 UTF-8</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a string contains a UTF-16 surrogate code point (U+D800..U+DFFF)</source>
        <translation>字符串包含 UTF-16 代理码位（U+D800..U+DFFF）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a string contains the null character U+0000</source>
        <translation>字符串包含空字符 U+0000</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the packet identifier is 0</source>
        <translation>报文标识符为 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the QoS level is 3, which does not exist</source>
        <translation>QoS 等级为 3，该等级不存在</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the topic name contains a wildcard (&apos;+&apos; or &apos;#&apos;)</source>
        <translation>主题名包含通配符（&apos;+&apos; 或 &apos;#&apos;）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the topic name is empty and no Topic Alias is given</source>
        <translation>主题名为空，且未给出主题别名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the protocol name is neither &quot;MQTT&quot; nor &quot;MQIsdp&quot;</source>
        <translation>协议名既不是“MQTT”也不是“MQIsdp”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the protocol level is not 3, 4 or 5</source>
        <translation>协议级别不是 3、4 或 5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the Connect Flags are inconsistent or use the reserved bit</source>
        <translation>连接标志相互矛盾，或使用了保留位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the Connect Acknowledge Flags use reserved bits</source>
        <translation>连接确认标志使用了保留位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the reason code is not valid in this packet</source>
        <translation>原因码在此报文中无效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a property identifier is unknown</source>
        <translation>属性标识符未知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a property is not allowed in this packet</source>
        <translation>此报文中不允许出现某个属性</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a property that may appear only once appears twice</source>
        <translation>只能出现一次的属性出现了两次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a property has a value outside its allowed range</source>
        <translation>某个属性的值超出允许范围</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the subscription options use reserved bits or values</source>
        <translation>订阅选项使用了保留位或保留值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the packet contains no topic filter</source>
        <translation>报文不含主题过滤器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the packet contains no reason code</source>
        <translation>报文不含原因码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the packet is invalid</source>
        <translation>报文无效</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>packet</source>
        <translation>报文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid %1 received: %2</source>
        <translation>收到无效的 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> at byte %1 [%2].</source>
        <translation>，位于第 %1 字节 [%2]。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The peer does not follow the MQTT specification; the connection is closed. Check the broker or the protocol version chosen for it.</source>
        <translation>对方不符合 MQTT 规范，连接已关闭。请检查服务器，或为其选择的协议版本。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::DecodingRuleEditor</name>
    <message>
        <location filename="../ui/stream/decoding_rule_editor.cpp" line="+157"/>
        <source>Topic &amp;filter:</source>
        <translation>主题过滤器(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. factory/+/telemetry or spBv1.0/#</source>
        <translation>例如 factory/+/telemetry 或 spBv1.0/#</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decode as:</source>
        <translation>解码为(&amp;D)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>.proto &amp;files:</source>
        <translation>.proto 文件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import folders:</source>
        <translation>导入文件夹(&amp;I)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folders where the files&apos; imports are looked up; each file&apos;s own folder is searched too</source>
        <translation>查找文件导入项的文件夹；每个文件自身所在的文件夹也会被搜索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message &amp;type:</source>
        <translation>消息类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. demo.Reading</source>
        <translation>例如 demo.Reading</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Add .proto files</source>
        <translation>添加 .proto 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Remove the .proto file</source>
        <translation>移除该 .proto 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add an import folder</source>
        <translation>添加导入文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the import folder</source>
        <translation>移除该导入文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Number type:</source>
        <translation>数字类型(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Byte order:</source>
        <translation>字节序(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Little endian</source>
        <translation>小端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Big endian</source>
        <translation>大端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Header to skip:</source>
        <translation>跳过的头部(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose .proto files</source>
        <translation>选择 .proto 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protobuf schemas (*.proto)</source>
        <translation>Protobuf 模式 (*.proto)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose an import folder</source>
        <translation>选择导入文件夹</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>The .proto files declare no message type.</source>
        <translation>.proto 文件没有声明任何消息类型。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Enter the topic filter the rule applies to.</source>
        <translation>请输入该规则适用的主题过滤器。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add the .proto file that declares the messages.</source>
        <translation>请添加声明这些消息的 .proto 文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the message type of the payloads.</source>
        <translation>请选择载荷的消息类型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The .proto files declare no message type %1.</source>
        <translation>.proto 文件没有声明消息类型 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the script that turns a payload into the text to show.</source>
        <translation>编写将载荷转换为显示文本的脚本。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::DecodingRulesDialog</name>
    <message>
        <location filename="../ui/stream/decoding_rules_dialog.cpp" line="+70"/>
        <source>Decoding rules</source>
        <translation>解码规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages on a topic are shown with the decoder of the first rule whose filter matches it. A subscription&apos;s &quot;Display as&quot; other than Auto still comes first. The stored history is shown again with the rules at once; nothing is received again.</source>
        <translation>主题上的消息使用第一条过滤器匹配该主题的规则的解码器显示。订阅的“显示为”若不是“自动”，仍然优先。已保存的历史会立即按规则重新显示；不会重新接收任何消息。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rules, first match wins</source>
        <translation>规则（首个匹配生效）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the rules with those of a JSON file</source>
        <translation>用 JSON 文件中的规则替换当前规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the rules as JSON, e.g. for mqttdesk-cli sub --rules</source>
        <translation>将规则保存为 JSON，例如供 mqttdesk-cli sub --rules 使用</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>(no filter)</source>
        <translation>（无过滤器）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Enter the topic filter the rule applies to.</source>
        <translation>请输入该规则适用的主题过滤器。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rule %1: %2</source>
        <translation>规则 %1：%2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The file is not JSON: %1 (at byte %2).</source>
        <translation>该文件不是 JSON：%1（位于第 %2 字节）。</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+6"/>
        <source>Import decoding rules</source>
        <translation>导入解码规则</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+13"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The rules in %1 cannot be read: %2</source>
        <translation>无法读取 %1 中的规则：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <source>Export decoding rules</source>
        <translation>导出解码规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rules cannot be written to %1: %2</source>
        <translation>无法将规则写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>mqttdesk::DiffModel</name>
    <message>
        <location filename="../core/inspector/diff_model.cpp" line="+79"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed</source>
        <translation>更改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unchanged</source>
        <translation>未更改</translation>
    </message>
    <message>
        <location line="+204"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
</context>
<context>
    <name>mqttdesk::DnsSrvResolver</name>
    <message>
        <location filename="../core/connection/dns_srv_resolver.cpp" line="+52"/>
        <source>the name %1 does not exist (NXDOMAIN)</source>
        <translation>名称 %1 不存在（NXDOMAIN）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the DNS lookup of %1 failed</source>
        <translation>%1 的 DNS 查询失败</translation>
    </message>
</context>
<context>
    <name>mqttdesk::EncodeError</name>
    <message>
        <location filename="../core/protocol/encode_error.cpp" line="+18"/>
        <source>it uses a feature this protocol version does not have</source>
        <translation>它使用了此协议版本不具备的功能</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its packet identifier is 0</source>
        <translation>其报文标识符为 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its QoS level is above 2</source>
        <translation>其 QoS 等级大于 2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a text or binary field is longer than 65,535 bytes</source>
        <translation>某个文本或二进制字段超过 65,535 字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a text contains U+0000 or an unpaired surrogate</source>
        <translation>某段文本包含 U+0000 或不成对的代理字符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the topic name contains a wildcard (&apos;+&apos; or &apos;#&apos;)</source>
        <translation>主题名包含通配符（&apos;+&apos; 或 &apos;#&apos;）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the topic name is empty and no Topic Alias is set</source>
        <translation>主题名为空，且未设置主题别名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a property is not allowed in this packet</source>
        <translation>此报文中不允许出现某个属性</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a property that may appear only once is given twice</source>
        <translation>只能出现一次的属性被给出了两次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a property value is out of range</source>
        <translation>某个属性值超出范围</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the reason code is not valid in this packet</source>
        <translation>原因码在此报文中无效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its flags are inconsistent</source>
        <translation>其标志相互矛盾</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has no topic filter</source>
        <translation>它没有主题过滤器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is larger than the largest possible MQTT packet</source>
        <translation>它超过了 MQTT 报文的最大可能长度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is invalid</source>
        <translation>它无效</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot send %1: %2</source>
        <translation>无法发送 %1：%2</translation>
    </message>
</context>
<context>
    <name>mqttdesk::FallbackBrokersTable</name>
    <message>
        <location filename="../ui/dialogs/fallback_brokers_table.cpp" line="+97"/>
        <location line="+133"/>
        <location line="+12"/>
        <source>Transport</source>
        <translation>传输</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>The port of fallback broker %1 must be a number from 1 to 65535.</source>
        <translation>备用代理 %1 的端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fallback brokers</source>
        <translation>备用代理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add broker</source>
        <translation>添加代理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds a broker address and starts editing its host</source>
        <translation>添加一个代理地址并开始编辑其主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove broker</source>
        <translation>移除代理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes the selected broker addresses</source>
        <translation>移除选中的代理地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tries the selected broker earlier</source>
        <translation>更早尝试选中的代理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tries the selected broker later</source>
        <translation>更晚尝试选中的代理</translation>
    </message>
</context>
<context>
    <name>mqttdesk::FileField</name>
    <message>
        <location filename="../ui/widgets/file_field.cpp" line="+130"/>
        <location line="+1"/>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
</context>
<context>
    <name>mqttdesk::GeneralPage</name>
    <message>
        <location filename="../ui/dialogs/general_page.cpp" line="+55"/>
        <source>e.g. Local broker</source>
        <translation>例如：本地服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: the top level</source>
        <translation>无：顶层</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>host name or IP address</source>
        <translation>主机名或 IP 地址</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>empty: the broker assigns one (5.0)</source>
        <translation>留空：由服务器分配（5.0）</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>&amp;Look up the broker with DNS SRV</source>
        <translation>通过 DNS SRV 查找代理(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host field then names a domain: its _mqtt._tcp records (over TLS _secure-mqtt._tcp) give the brokers and their ports, tried by priority and weight.</source>
        <translation>此时主机栏填写域名：其 _mqtt._tcp 记录（TLS 时为 _secure-mqtt._tcp）给出代理及其端口，按优先级和权重依次尝试。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saved in the system keychain</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Generate a new client id</source>
        <translation>生成新的客户端 ID</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;rotocol:</source>
        <translation>协议(&amp;R)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We&amp;bSocket path:</source>
        <translation>WebSocket 路径(&amp;B)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Client ID:</source>
        <translation>客户端 ID(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MQTT &amp;version:</source>
        <translation>MQTT 版本(&amp;V)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>domain, e.g. example.com</source>
        <translation>域名，例如 example.com</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>saved in the keychain; type to replace</source>
        <translation>已保存在钥匙串中；输入新值以替换</translation>
    </message>
</context>
<context>
    <name>mqttdesk::HexView</name>
    <message>
        <location filename="../ui/inspector/hex_view.cpp" line="+47"/>
        <source>Hex view</source>
        <translation>十六进制视图</translation>
    </message>
    <message>
        <location line="+352"/>
        <source>&amp;Copy as hex</source>
        <translation>复制为十六进制(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::HistoryExportBar</name>
    <message>
        <location filename="../ui/stream/history_export_bar.cpp" line="+56"/>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the export; no file is written</source>
        <translation>停止导出；不会写入任何文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Canceling the export…</source>
        <translation>正在取消导出…</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Counting the messages to export…</source>
        <translation>正在统计要导出的消息…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting %1 of %2 messages to %3…</source>
        <translation>正在导出第 %1 条（共 %2 条）消息到 %3…</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide this message</source>
        <translation>隐藏此提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss export message</source>
        <translation>关闭导出提示</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Export messages</source>
        <translation>导出消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The messages could not be exported to %1: %2</source>
        <translation>无法将消息导出到 %1：%2</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Export canceled; no file was written.</source>
        <translation>导出已取消；未写入任何文件。</translation>
    </message>
    <message numerus="yes">
        <location line="-4"/>
        <source>Exported %Ln message(s) to %1.</source>
        <translation>
            <numerusform>已将 %Ln 条消息导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttdesk::HistoryExportJob</name>
    <message>
        <location filename="../core/workspace/history_export_job.cpp" line="+65"/>
        <source>The file %1 cannot be written: %2. Choose another folder or check its permissions.</source>
        <translation>无法写入文件 %1：%2。请选择其他文件夹或检查其权限。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The file %1 could not be completed: %2. Check free space and permissions.</source>
        <translation>无法完成文件 %1：%2。请检查可用空间和权限。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ImagePreview</name>
    <message>
        <location filename="../ui/inspector/image_preview.cpp" line="+31"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decoding the picture…</source>
        <translation>正在解码图片…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>This system cannot show %1 pictures (no image format plugin). The bytes are in the Hex tab.</source>
        <translation>本系统无法显示 %1 图片（缺少图像格式插件）。字节内容见“十六进制”标签页。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a complete %1 picture: %2. The bytes are in the Hex tab.</source>
        <translation>不是完整的 %1 图片：%2。字节内容见“十六进制”标签页。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 · %2 × %3 pixels</source>
        <translation>%1 · %2 × %3 像素</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ImportConflictDialog</name>
    <message>
        <location filename="../ui/dialogs/import_conflict_dialog.cpp" line="+22"/>
        <source>%1, no fixed client ID</source>
        <translation>%1，无固定客户端 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, client ID “%2”</source>
        <translation>%1，客户端 ID “%2”</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Import conflict</source>
        <translation>导入冲突</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overwrite the saved connection with the imported one</source>
        <translation>用导入的连接覆盖已保存的连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep both</source>
        <translation>保留两者(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the imported connection under a new name (and a new client ID if it has a fixed one)</source>
        <translation>以新名称添加导入的连接（若其客户端 ID 固定，则同时使用新的客户端 ID）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Skip</source>
        <translation>跳过(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the saved connection as it is and do not import this one</source>
        <translation>保留已保存的连接不变，不导入此连接</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>“%1” in the file is the connection saved here as “%2”.</source>
        <translation>文件中的“%1”就是此处保存为“%2”的连接。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is already here: the file holds the same connection.</source>
        <translation>“%1”已存在：文件中是同一个连接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A connection named “%1” already exists.</source>
        <translation>已存在名为“%1”的连接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the file: %1.
Saved: %2.</source>
        <translation>文件中：%1。
已保存：%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the saved connection, keep both (the imported one is renamed), or skip this one?</source>
        <translation>替换已保存的连接、保留两者（导入的连接将被重命名），还是跳过此连接？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Apply to all remaining conflicts (%1 more)</source>
        <translation>应用于其余所有冲突（还有 %1 个）(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the same answer to all remaining conflicts</source>
        <translation>对其余所有冲突使用相同的选择</translation>
    </message>
</context>
<context>
    <name>mqttdesk::InboundFlow</name>
    <message>
        <location filename="../core/session/inbound_flow.cpp" line="+29"/>
        <source>a PUBLISH uses Topic Alias %1, but we allow at most %2</source>
        <translation>PUBLISH 使用了主题别名 %1，但我们最多允许 %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a PUBLISH has an empty topic and Topic Alias %1, which was never set up</source>
        <translation>PUBLISH 的主题为空且使用了从未建立的主题别名 %1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::JsonFieldReader</name>
    <message>
        <location filename="../core/profile/json_field_reader.cpp" line="+43"/>
        <location line="+81"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../core/profile/mqtt_explorer_importer.cpp" line="+57"/>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../core/profile/mqtt_explorer_importer.cpp" line="+5"/>
        <source>%1 is not within %2..%3</source>
        <translation>%1 不在 %2..%3 范围内</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+11"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../core/profile/json_field_reader.h" line="+57"/>
        <source>&quot;%1&quot; (allowed: %2)</source>
        <translation>“%1”（允许的值：%2）</translation>
    </message>
</context>
<context>
    <name>mqttdesk::JsonTreeView</name>
    <message>
        <location filename="../ui/inspector/json_tree_view.cpp" line="+75"/>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys and values</source>
        <translation>键和值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配项（Shift+F3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match</source>
        <translation>上一个匹配项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (F3 or Enter)</source>
        <translation>下一个匹配项（F3 或 Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match</source>
        <translation>下一个匹配项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;value</source>
        <translation>复制值(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected value (Ctrl+C): a string as its text, anything else as JSON</source>
        <translation>复制所选的值（Ctrl+C）：字符串复制其文本，其他复制为 JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy &amp;path</source>
        <translation>复制路径(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected value&apos;s path, e.g. $.sensors[1].value (Ctrl+Shift+C)</source>
        <translation>复制所选值的路径，例如 $.sensors[1].value（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON tree</source>
        <translation>JSON 树</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>No match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of more than %2</source>
        <translation>第 %1 个，共超过 %2 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Copy &amp;key</source>
        <translation>复制键(&amp;K)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>C&amp;hart this</source>
        <translation>绘制图表(&amp;H)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Expand all below</source>
        <translation>展开下级全部(&amp;E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Collapse</source>
        <translation>折叠(&amp;C)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::JumpToTimeDialog</name>
    <message>
        <location filename="../ui/stream/jump_to_time_dialog.cpp" line="+35"/>
        <source>Jump to time</source>
        <translation>跳转到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date and time to jump to</source>
        <translation>要跳转到的日期和时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Time:</source>
        <translation>时间(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stream shows the stored messages around this time, with the current filter. Scroll up or down to read on; the newest messages follow again once you reach them.</source>
        <translation>消息流按当前筛选显示这一时间前后已存储的消息。向上或向下滚动可继续阅读；滚动到最新消息后会重新跟随新消息。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Jump</source>
        <translation>跳转(&amp;J)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::KeyboardActions</name>
    <message>
        <location filename="../ui/mainwindow/keyboard_actions.cpp" line="+91"/>
        <source>Focus publish &amp;topic</source>
        <translation>聚焦发布主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Focus &amp;search</source>
        <translation>聚焦搜索(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Jump to newest message</source>
        <translation>跳到最新消息(&amp;J)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compact stream</source>
        <translation>紧凑消息流(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next connection</source>
        <translation>下一个连接(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous connection</source>
        <translation>上一个连接(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>mqttdesk::KeyboardShortcutsDialog</name>
    <message>
        <location filename="../ui/dialogs/keyboard_shortcuts_dialog.cpp" line="+76"/>
        <source>Publish bar</source>
        <translation>发布栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stream</source>
        <translation>消息流</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected message&apos;s payload</source>
        <translation>打开所选消息的载荷</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expand or collapse the selected message</source>
        <translation>展开或折叠所选消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the selected message&apos;s payload</source>
        <translation>复制所选消息的载荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the last loaded message</source>
        <translation>转到最后加载的消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish tab</source>
        <translation>发布页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the template&apos;s next message</source>
        <translation>发送模板的下一条消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the selected template (in the library)</source>
        <translation>发送所选模板（在模板库中）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected template (in the library)</source>
        <translation>删除所选模板（在模板库中）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload viewer</source>
        <translation>载荷查看器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the JSON tree</source>
        <translation>搜索 JSON 树</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next / previous match</source>
        <translation>下一个 / 上一个匹配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the selected value</source>
        <translation>复制所选值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected value&apos;s path</source>
        <translation>复制所选值的路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare payloads</source>
        <translation>比较载荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next / previous difference</source>
        <translation>下一个 / 上一个差异</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+5"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>&amp;Filter:</source>
        <translation>过滤器(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>action or key, e.g. Ctrl+F</source>
        <translation>操作或按键，例如 Ctrl+F</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter shortcuts</source>
        <translation>筛选快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (in %2)</source>
        <translation>%1（在“%2”中）</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
</context>
<context>
    <name>mqttdesk::LanguageMenu</name>
    <message>
        <location filename="../ui/mainwindow/language_menu.cpp" line="+49"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;System language</source>
        <translation>系统语言(&amp;S)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::LogModel</name>
    <message>
        <location filename="../ui/connections/log_model.cpp" line="+94"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>mqttdesk::LogView</name>
    <message>
        <location filename="../ui/connections/log_view.cpp" line="+23"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application log</source>
        <translation>应用日志</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Detach the log</source>
        <translation>分离日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detach the log into a window of its own</source>
        <translation>将日志分离为独立窗口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the log</source>
        <translation>关闭日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the log (View &gt; Log shows it again)</source>
        <translation>关闭日志（“视图 &gt; 日志”可重新显示）</translation>
    </message>
</context>
<context>
    <name>mqttdesk::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/main_window.cpp" line="+70"/>
        <source>MQTT Desk</source>
        <translation>MQTT Desk</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Recording stopped</source>
        <translation>录制已停止</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+35"/>
        <location line="+5"/>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>History file damaged</source>
        <translation>历史文件已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MQTT Desk cannot use its history file %1.</source>
        <translation>MQTT Desk 无法使用其历史文件 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move it aside and start with a new, empty history? The file is kept under a new name beside it (nothing is deleted), but the connections and messages in it are no longer shown.</source>
        <translation>要将其移到一旁并以一个新的空历史开始吗？该文件会以新名称保留在原处旁边（不会删除任何内容），但其中的连接和消息将不再显示。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move Aside and Start Fresh</source>
        <translation>移到一旁并重新开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue Without History</source>
        <translation>不使用历史继续</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The damaged history file could not be moved aside: %1</source>
        <translation>无法将损坏的历史文件移到一旁：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The damaged history file was moved to %1; a new, empty history was started.</source>
        <translation>损坏的历史文件已移到 %1；已开始一个新的空历史。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>&amp;Alert rules…</source>
        <translation>告警规则(&amp;A)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop &amp;recording</source>
        <translation>停止录制(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Record to capture…</source>
        <translation>录制到捕获文件(&amp;R)…</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connection</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replay capture…</source>
        <translation>回放捕获(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import capture into history…</source>
        <translation>将捕获文件导入历史记录(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test broker…</source>
        <translation>测试代理(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run test &amp;suite…</source>
        <translation>运行测试套件(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find out what the broker supports: versions, QoS, retain, shared subscriptions, will, largest payload, latency</source>
        <translation>了解代理支持哪些功能：版本、QoS、保留、共享订阅、遗嘱、最大负载、延迟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sidebar</source>
        <translation>侧边栏(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log</source>
        <translation>日志(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log &amp;packets</source>
        <translation>记录报文(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also log every MQTT packet sent and received (slows down floods)</source>
        <translation>同时记录收发的每个 MQTT 报文（大流量时会变慢）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About MQTT Desk</source>
        <translation>关于 MQTT Desk(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+7"/>
        <source>Record to capture</source>
        <translation>录制到捕获文件</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+21"/>
        <source>Capture files (*.jsonl);;All files (*)</source>
        <translation>捕获文件 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import capture into %1</source>
        <translation>将捕获文件导入 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Importing %1 into the history…</source>
        <translation>正在将 %1 导入历史记录…</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Imported %n message(s) from %1 into the history.</source>
        <translation>
            <numerusform>已从 %1 导入 %n 条消息到历史记录。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import capture</source>
        <translation>导入捕获文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 could not be imported completely: %2</source>
        <translation>%1 未能完整导入：%2</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>About MQTT Desk</source>
        <translation>关于 MQTT Desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;MQTT Desk %1&lt;/h3&gt;&lt;p&gt;A native desktop MQTT client.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MQTT Desk %1&lt;/h3&gt;&lt;p&gt;原生桌面 MQTT 客户端。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建，运行于 Qt %3。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No connection</source>
        <translation>无连接</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Local broker</source>
        <translation>本地代理</translation>
    </message>
</context>
<context>
    <name>mqttdesk::MessageBoxSecretConsent</name>
    <message>
        <location filename="../ui/dialogs/message_box_secret_consent.cpp" line="+22"/>
        <source>No keychain available</source>
        <translation>没有可用的钥匙串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The passwords of &quot;%1&quot; cannot be saved in the system keychain.</source>
        <translation>无法将“%1”的密码保存到系统钥匙串。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why: %1

Save them unencrypted in the connection&apos;s profile? Anyone who can read your files can then read them (the data directory is private to your user). If you say no, you will be asked for them when connecting.</source>
        <translation>原因：%1

要将它们以未加密方式保存在连接配置中吗？能读取你文件的任何人都能读到它们（数据目录仅你的用户可访问）。如果选择不保存，连接时会再向你询问。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save &amp;unencrypted</source>
        <translation>明文保存(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Do not save</source>
        <translation>不保存(&amp;D)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::MessageBubbleDelegate</name>
    <message>
        <location filename="../ui/stream/message_bubble_delegate.cpp" line="+119"/>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>… at least 1 more line</source>
        <translation>… 至少还有 1 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… at least %1 more lines</source>
        <translation>… 至少还有 %1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>… 1 more line</source>
        <translation>… 还有 1 行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>… %1 more lines</source>
        <translation>… 还有 %1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>… the payload goes on</source>
        <translation>… 载荷未完</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>1 prop</source>
        <translation>1 个属性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 props</source>
        <translation>%1 个属性</translation>
    </message>
    <message>
        <location line="+86"/>
        <location line="+149"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>retained</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DUP</source>
        <translation>DUP</translation>
    </message>
    <message>
        <location line="+168"/>
        <location line="+52"/>
        <source>(empty payload)</source>
        <translation>（空载荷）</translation>
    </message>
    <message>
        <location line="-20"/>
        <source> · cannot be shown</source>
        <translation> · 无法显示</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> · decoding…</source>
        <translation> · 正在解码…</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Sparkplug B warning:</source>
        <translation>Sparkplug B 警告：</translation>
    </message>
</context>
<context>
    <name>mqttdesk::MessageComparer</name>
    <message>
        <location filename="../ui/stream/message_comparer.cpp" line="+23"/>
        <source>%1 at %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+94"/>
        <source>The payload could not be read: %1</source>
        <translation>无法读取载荷：%1</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Select a message for comparison first.</source>
        <translation>请先选择一条要比较的消息。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>There is no earlier message on this topic in the history.</source>
        <translation>历史记录中没有该主题更早的消息。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The message is no longer in the history.</source>
        <translation>该消息已不在历史记录中。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The history could not be read: %1</source>
        <translation>无法读取历史记录：%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::MessageStreamModel</name>
    <message>
        <location filename="../ui/stream/message_stream_model.cpp" line="+48"/>
        <source>Loading preview…</source>
        <translation>正在加载预览…</translation>
    </message>
    <message numerus="yes">
        <location line="+98"/>
        <source>%1 · QoS %2 · %n byte(s)</source>
        <translation>
            <numerusform>%1 · QoS %2 · %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · retained</source>
        <translation> · 保留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · sent again (DUP)</source>
        <translation> · 重发（DUP）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Published to %1 at %2, QoS %3%4: %5</source>
        <translation>%2 发布到 %1，QoS %3%4：%5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received on %1 at %2, QoS %3%4: %5</source>
        <translation>%2 收到于 %1，QoS %3%4：%5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, retained</source>
        <translation>，保留消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, sent again (DUP)</source>
        <translation>，重发（DUP）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>. Sparkplug B warning: %1</source>
        <translation>。Sparkplug B 警告：%1</translation>
    </message>
    <message>
        <location line="+618"/>
        <source>The stored properties cannot be read.</source>
        <translation>无法读取已存储的属性。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::MessageStreamView</name>
    <message>
        <location filename="../ui/stream/message_stream_view.cpp" line="+72"/>
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Topic filter:</source>
        <translation>主题过滤(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. sensors/#</source>
        <translation>例如 sensors/#</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sea&amp;rch:</source>
        <translation>搜索(&amp;R)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause the view; messages are still received and stored</source>
        <translation>暂停视图；消息仍会被接收和存储</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause view</source>
        <translation>暂停视图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export every stored message that matches the filter to a JSON Lines or CSV file</source>
        <translation>将所有符合筛选条件的已保存消息导出为 JSON Lines 或 CSV 文件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Decoding…</source>
        <translation>解码…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decode topics with Protobuf, numeric arrays or another format by rule; the stored history is shown again at once</source>
        <translation>按规则以 Protobuf、数值数组或其他格式解码主题；已保存的历史会立即重新显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decoding rules</source>
        <translation>解码规则</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>More: decoding, export, clear, diagnostics</source>
        <translation>更多：解码、导出、清除、诊断</translation>
    </message>
    <message>
        <location line="+541"/>
        <source>JSON Lines (*.jsonl);;CSV (*.csv);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;CSV (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-555"/>
        <location line="+554"/>
        <source>Export messages</source>
        <translation>导出消息</translation>
    </message>
    <message>
        <location line="-564"/>
        <source>words in the payload, or /regex/</source>
        <translation>载荷中的词语，或 /正则/</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words that must all occur in the payload, or a regular expression between slashes, e.g. /temp\W+2[5-9]/ or /(?i)alarm/</source>
        <translation>载荷中必须全部出现的词语，或写在两个斜杠之间的正则表达式，例如 /temp\W+2[5-9]/ 或 /(?i)alarm/</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Clear…</source>
        <translation>清除…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the stored history of this connection</source>
        <translation>删除此连接已存储的历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+564"/>
        <source>Clear history</source>
        <translation>清除历史</translation>
    </message>
    <message>
        <location line="-563"/>
        <location line="+2"/>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Show how quickly the window responds (event-loop latency)</source>
        <translation>显示窗口的响应速度（事件循环延迟）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compact</source>
        <translation>紧凑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One line per message, like a log (remembered per connection)</source>
        <translation>每条消息一行，像日志一样（按连接记住）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compact view</source>
        <translation>紧凑视图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More stream actions</source>
        <translation>更多消息流操作</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Topic filter: %1</source>
        <translation>主题过滤：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search: the regular expression is not valid: %1 (at character %2)</source>
        <translation>搜索：正则表达式无效：%1（第 %2 个字符处）</translation>
    </message>
    <message numerus="yes">
        <location line="+134"/>
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n 条新消息 ↓</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/stream/message_payload_actions.cpp" line="+88"/>
        <source>Copy as mosquitto_pub command</source>
        <translation>复制为 mosquitto_pub 命令</translation>
    </message>
    <message>
        <location filename="../ui/stream/message_stream_view.cpp" line="+224"/>
        <source>Delete every stored message of this connection? This cannot be undone.</source>
        <translation>删除此连接存储的所有消息？此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete history</source>
        <translation>删除历史</translation>
    </message>
    <message>
        <location filename="../ui/stream/message_payload_actions.cpp" line="-30"/>
        <source>The payload could not be read: %1</source>
        <translation>无法读取载荷：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Copy payload</source>
        <translation>复制载荷</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Save payload as</source>
        <translation>载荷另存为</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Resend</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Chart this</source>
        <translation>绘制图表</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Copy payload</source>
        <translation>复制载荷(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy &amp;topic</source>
        <translation>复制主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy as &amp;mosquitto_pub command</source>
        <translation>复制为 mosquitto_pub 命令(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save payload as…</source>
        <translation>载荷另存为(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;all</source>
        <translation>显示全部(&amp;A)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>C&amp;hart this</source>
        <translation>绘制图表(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hart this…</source>
        <translation>绘制图表(&amp;H)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare with pre&amp;vious on this topic</source>
        <translation>与该主题的上一条比较(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select for co&amp;mpare</source>
        <translation>选为比较对象(&amp;M)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare &amp;with %1</source>
        <translation>与 %1 比较(&amp;W)</translation>
    </message>
    <message>
        <location filename="../ui/stream/message_stream_view.cpp" line="+66"/>
        <source>&amp;Display as</source>
        <translation>显示为(&amp;D)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show/hide &amp;properties</source>
        <translation>显示/隐藏属性(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/stream/message_payload_actions.cpp" line="+7"/>
        <source>&amp;Resend</source>
        <translation>重新发送(&amp;R)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::MessageTraffic</name>
    <message>
        <location filename="../core/session/message_traffic.cpp" line="+59"/>
        <source>The session ended before the message was fully acknowledged; it may or may not have been delivered.</source>
        <translation>会话在消息被完全确认之前结束；消息可能已送达，也可能未送达。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Not connected: a QoS 0 message cannot be queued. Connect first, or publish with QoS 1 or 2.</source>
        <translation>未连接：QoS 0 的消息无法排队。请先连接，或以 QoS 1 或 2 发布。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not connected, and queueing while offline is turned off.</source>
        <translation>未连接，且离线排队已关闭。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not connected, and %1 messages are already waiting (the offline queue limit). Connect, or raise the limit.</source>
        <translation>未连接，且已有 %1 条消息在等待（已达离线队列上限）。请连接，或提高上限。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The server answered %1 with %2.</source>
        <translation>服务器以 %2 回应了 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It says: &quot;%1&quot;.</source>
        <translation>它表示：“%1”。</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>it sent more unacknowledged QoS 2 messages than our Receive Maximum allows</source>
        <translation>它发送的未确认 QoS 2 消息超过了我们的接收最大值</translation>
    </message>
</context>
<context>
    <name>mqttdesk::MqttExplorerImporter</name>
    <message>
        <location filename="../core/profile/mqtt_explorer_importer.cpp" line="+70"/>
        <source>a topic or an object with topic and qos</source>
        <translation>主题，或含 topic 和 qos 的对象</translation>
    </message>
</context>
<context>
    <name>mqttdesk::MqttxImporter</name>
    <message>
        <location filename="../core/profile/mqttx_importer.cpp" line="+32"/>
        <location line="+191"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="-179"/>
        <source>a string or a list of strings</source>
        <translation>字符串或字符串列表</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&quot;%1&quot; (allowed: mqtt, mqtts, ws, wss)</source>
        <translation>“%1”（允许的值：mqtt、mqtts、ws、wss）</translation>
    </message>
</context>
<context>
    <name>mqttdesk::PacketInspectorView</name>
    <message>
        <location filename="../ui/packettrace/packet_inspector_view.cpp" line="+169"/>
        <source>Packets</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show all types</source>
        <translation>显示所有类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packet types shown</source>
        <translation>显示的数据包类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose which MQTT packet types the table lists</source>
        <translation>选择表格中列出哪些 MQTT 数据包类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by topic</source>
        <translation>按主题过滤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic filter</source>
        <translation>主题过滤器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only packets whose topic or filter contains this text; an acknowledgement follows the topic of its PUBLISH or SUBSCRIBE</source>
        <translation>仅显示主题或过滤器包含此文本的数据包；确认包沿用其对应 PUBLISH 或 SUBSCRIBE 的主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause the packet list</source>
        <translation>暂停数据包列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop adding packets to the table; the in-flight gauge and the round-trip times stay live</source>
        <translation>停止向表格添加数据包；传输中计量和往返时间仍实时更新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the packet list</source>
        <translation>清除数据包列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove every packet from the table</source>
        <translation>从表格中移除所有数据包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+193"/>
        <location line="+6"/>
        <source>Export packets</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Save the packets shown as JSON Lines, one object per packet</source>
        <translation>将显示的数据包保存为 JSON Lines，每个数据包一个对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packets sent and received</source>
        <translation>已发送和接收的数据包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our QoS 1 and 2 messages waiting for their PUBACK or PUBCOMP, and how many the server accepts at once (its Receive Maximum)</source>
        <translation>我方等待 PUBACK 或 PUBCOMP 的 QoS 1 和 2 消息，以及服务器一次可接受的数量（即其 Receive Maximum，接收最大值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages the session holds back: not connected, or the Receive Maximum is reached</source>
        <translation>会话暂缓发送的消息：未连接，或已达到 Receive Maximum</translation>
    </message>
    <message>
        <location line="+98"/>
        <location line="+15"/>
        <source>Queued %1</source>
        <translation>排队 %1</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>In flight %1 / %2 (Receive Maximum)</source>
        <translation>传输中 %1 / %2（Receive Maximum）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Types: all</source>
        <translation>类型：全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Types: %1 of %2</source>
        <translation>类型：%1 / %2</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 of %2 packets shown (the last %3 are kept)</source>
        <translation>显示 %2 个数据包中的 %1 个（保留最近 %3 个）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::PacketTraceModel</name>
    <message>
        <location filename="../core/packettrace/packet_trace_model.cpp" line="+94"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot;</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>DUP</source>
        <translation>DUP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RETAIN</source>
        <translation>RETAIN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session present</source>
        <translation>会话存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clean start</source>
        <translation>全新开始</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a packet no longer listed</source>
        <translation>一个已不在列表中的数据包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers %1 after %2</source>
        <translation>%2 后应答 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whole exchange: %1</source>
        <translation>整个交互：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for the answer</source>
        <translation>正在等待应答</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Sent to the server</source>
        <translation>发送到服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received from the server</source>
        <translation>从服务器接收</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Belongs to the exchange about %1</source>
        <translation>属于关于 %1 的交互</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes on the wire, %2 bytes of payload, %3 properties</source>
        <translation>线路上 %1 字节，负载 %2 字节，%3 个属性</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes on the wire, %2 properties</source>
        <translation>线路上 %1 字节，%2 个属性</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(alias %1)</source>
        <translation>（别名 %1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Seconds since the first packet listed</source>
        <translation>自列表中第一个数据包起的秒数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>→ sent to the server, ← received from it</source>
        <translation>→ 发送到服务器，← 从服务器接收</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The whole packet on the wire, in bytes</source>
        <translation>整个数据包在线路上的大小（字节）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Round-trip time: on an answer, since the packet it answers; on the first packet of an exchange, the whole exchange</source>
        <translation>往返时间：对应答包，为自其所应答的数据包起的时间；对交互的首个数据包，为整个交互的时间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dir</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
</context>
<context>
    <name>mqttdesk::PairsTable</name>
    <message>
        <location filename="../ui/widgets/pairs_table.cpp" line="+100"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Add a row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Remove the selected row</source>
        <translation>删除选中的行</translation>
    </message>
</context>
<context>
    <name>mqttdesk::PasswordField</name>
    <message>
        <location filename="../ui/widgets/password_field.cpp" line="+70"/>
        <source>Hide the text</source>
        <translation>隐藏内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the text</source>
        <translation>显示内容</translation>
    </message>
</context>
<context>
    <name>mqttdesk::PayloadDiffDialog</name>
    <message>
        <location filename="../ui/inspector/payload_diff_dialog.cpp" line="+145"/>
        <source>Compare payloads</source>
        <translation>比较载荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left:</source>
        <translation>左侧：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right:</source>
        <translation>右侧：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare &amp;as:</source>
        <translation>比较方式(&amp;A)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Structural compares JSON key by key, Lines compares text line by line, Hex compares the bytes</source>
        <translation>“结构”逐键比较 JSON，“逐行”逐行比较文本，“十六进制”比较字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Previous difference</source>
        <translation>上一处差异(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the previous difference (%1)</source>
        <translation>转到上一处差异（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next difference</source>
        <translation>下一处差异(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the next difference (%1)</source>
        <translation>转到下一处差异（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left and right payloads side by side</source>
        <translation>左右两侧载荷并排显示</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
</context>
<context>
    <name>mqttdesk::PayloadViewerDialog</name>
    <message>
        <location filename="../ui/stream/payload_viewer_dialog.cpp" line="+103"/>
        <source>Payload of %1</source>
        <translation>%1 的载荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Text</source>
        <translation>文本(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ree</source>
        <translation>树(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown when the payload is, or decodes to, JSON</source>
        <translation>当载荷是 JSON 或可解码为 JSON 时显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>&amp;Hex</source>
        <translation>十六进制(&amp;H)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>&amp;Picture</source>
        <translation>图片(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Text as shown</source>
        <translation>显示的文本(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Base64</source>
        <translation>&amp;Base64</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;C array</source>
        <translation>C 数组(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Views of the payload</source>
        <translation>载荷的各种视图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save payload as…</source>
        <translation>载荷另存为(&amp;S)…</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>a %1 picture</source>
        <translation>%1 图片</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>valid UTF-8</source>
        <translation>有效的 UTF-8</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>binary (not UTF-8)</source>
        <translation>二进制（非 UTF-8）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>declared UTF-8</source>
        <translation>声明为 UTF-8</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>declared binary</source>
        <translation>声明为二进制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>content type %1</source>
        <translation>内容类型 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>looks like %1</source>
        <translation>看起来是 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rendering…</source>
        <translation>正在渲染…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shown as %1</source>
        <translation>显示为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too large to dump as text: every byte is in the Hex tab</source>
        <translation>过大，无法以文本转储：全部字节见“十六进制”标签页</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Copy as</source>
        <translation>复制为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The payload is %1, too large to copy as text (at most %2). Use &quot;Save payload as…&quot; instead.</source>
        <translation>载荷大小为 %1，过大，无法复制为文本（最多 %2）。请改用“载荷另存为…”。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ProbeConnection</name>
    <message>
        <location filename="../core/probe/probe_connection.cpp" line="+90"/>
        <source>No answer within %1 s.</source>
        <translation>%1 秒内无应答。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection ended.</source>
        <translation>连接已结束。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection ended: %1</source>
        <translation>连接已结束：%1</translation>
    </message>
    <message>
        <location line="+192"/>
        <source>The connection closed before the server accepted it.</source>
        <translation>连接在服务器接受之前已关闭。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ProbeConnectionChecks</name>
    <message>
        <location filename="../core/probe/probe_connection_checks.cpp" line="+103"/>
        <source>Not tried: the subscription to the will&apos;s topic was refused: %1</source>
        <translation>未尝试：对遗嘱主题的订阅被拒绝：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The connection with a will was refused: %1</source>
        <translation>带遗嘱的连接被拒绝：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A connection dropped without DISCONNECT had its will (QoS %1) published.</source>
        <translation>未发送 DISCONNECT 而断开的连接，其遗嘱（QoS %1）已发布。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No will arrived within %1 s of dropping a connection without DISCONNECT.</source>
        <translation>未发送 DISCONNECT 断开连接后，%1 秒内未收到遗嘱。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not tried: it needs QoS 1, and the server announced Maximum QoS 0.</source>
        <translation>未尝试：需要 QoS 1，而服务器声明的 Maximum QoS 为 0。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A connection with a persistent session was refused: %1</source>
        <translation>使用持久会话的连接被拒绝：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not tried: the subscription was refused: %1</source>
        <translation>未尝试：订阅被拒绝：%1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Connecting again was refused: %1</source>
        <translation>重新连接被拒绝：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server kept no session (Session Present 0 on reconnecting).</source>
        <translation>服务器未保留会话（重新连接时 Session Present 为 0）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Session present on reconnecting; %1 of the %2 QoS %3 messages published while it was away arrived.</source>
        <translation>重新连接时会话存在；离线期间发布的 %2 条 QoS %3 消息中有 %1 条到达。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not tried: publishing while the session was away failed: %1</source>
        <translation>未尝试：会话离线期间的发布失败：%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Topic Alias Maximum 0 announced: a client must not send Topic Aliases [MQTT-3.2.2-18].</source>
        <translation>声明了 Topic Alias Maximum 为 0：客户端不得发送 Topic Alias [MQTT-3.2.2-18]。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Topic Alias Maximum announced (absent: 0): a client must not send Topic Aliases [MQTT-3.2.2-18].</source>
        <translation>未声明 Topic Alias Maximum（缺省为 0）：客户端不得发送 Topic Alias [MQTT-3.2.2-18]。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not tried: the subscription to watch the messages was refused: %1</source>
        <translation>未尝试：用于观察消息的订阅被拒绝：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not tried: a second connection was refused: %1</source>
        <translation>未尝试：第二个连接被拒绝：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The PUBLISH setting the alias failed: %1</source>
        <translation>设置别名的 PUBLISH 失败：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PUBLISH with only the alias failed: %1</source>
        <translation>仅带别名的 PUBLISH 失败：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Topic Alias Maximum %1; a PUBLISH carrying only alias 1 arrived on its topic.</source>
        <translation>Topic Alias Maximum 为 %1；仅携带别名 1 的 PUBLISH 已到达其主题。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of the 2 messages arrived (the second carried only alias 1).</source>
        <translation>2 条消息中有 %1 条到达（第二条仅携带别名 1）。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ProbeMeasurements</name>
    <message>
        <location filename="../core/probe/probe_measurements.cpp" line="+73"/>
        <source>the connection could not be opened again: %1</source>
        <translation>无法再次打开连接：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the subscription to %1 was refused: %2</source>
        <translation>对 %1 的订阅被拒绝：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 bytes failed: %2</source>
        <translation>%1 字节失败：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 bytes were published but did not come back within %2 s</source>
        <translation>%1 字节已发布，但未在 %2 秒内返回</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No payload made the round trip: %1.</source>
        <translation>没有负载完成往返：%1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes passed: the most the announced Maximum Packet Size of %2 bytes allows on the probe topic.</source>
        <translation>%1 字节通过：这是所声明的 %2 字节 Maximum Packet Size 在探测主题上允许的最大值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes passed, the search&apos;s upper limit.</source>
        <translation>%1 字节通过，即搜索的上限。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes passed; %2.</source>
        <translation>%1 字节通过；%2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The CONNACK announced a Maximum Packet Size of %1 bytes.</source>
        <translation>CONNACK 声明的 Maximum Packet Size 为 %1 字节。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CONNACK announced no Maximum Packet Size: no limit (5.0 §3.2.2.3.6).</source>
        <translation>CONNACK 未声明 Maximum Packet Size：无限制（5.0 §3.2.2.3.6）。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>no round-trip time was measured</source>
        <translation>未测得往返时间</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No PINGRESP: %1</source>
        <translation>无 PINGRESP：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>p50 %1, p99 %2 over %3 PINGREQ/PINGRESP round trips (min %4, max %5).</source>
        <translation>%3 次 PINGREQ/PINGRESP 往返：p50 %1，p99 %2（最小 %4，最大 %5）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopped after %1 of %2: %3</source>
        <translation>在 %1/%2 后停止：%3</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ProfileCommands</name>
    <message>
        <location filename="../ui/mainwindow/profile_commands.cpp" line="+57"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Testing the connection to %1:%2</source>
        <translation>正在测试到 %1:%2 的连接</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+7"/>
        <location line="+122"/>
        <source>New connection</source>
        <translation>新建连接</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection saved</source>
        <translation>连接已保存</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+39"/>
        <location line="+8"/>
        <location line="+20"/>
        <source>Edit connection</source>
        <translation>编辑连接</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>History retention</source>
        <translation>历史保留</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n connection(s) now keep the history set in Settings.</source>
        <translation>
            <numerusform>%n 个连接现在按设置中的历史保留。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+132"/>
        <location line="+2"/>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1 is connected. Reconnect now with the new settings?</source>
        <translation>%1 已连接。现在使用新设置重新连接吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting with the new settings</source>
        <translation>正在使用新设置重新连接</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+25"/>
        <source>Duplicate connection</source>
        <translation>复制连接</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+15"/>
        <source>Delete connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Delete %1 with its subscriptions and its whole message history? This cannot be undone.</source>
        <translation>删除 %1 及其订阅和全部消息历史吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Connection deleted</source>
        <translation>连接已删除</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+5"/>
        <source>Rename connection</source>
        <translation>重命名连接</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+7"/>
        <source>Move to folder</source>
        <translation>移动到文件夹</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+17"/>
        <source>&amp;Folder (empty for the top level):</source>
        <translation>文件夹(&amp;F)（留空表示顶层）：</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+7"/>
        <source>Rename folder</source>
        <translation>重命名文件夹</translation>
    </message>
    <message>
        <location line="-386"/>
        <location line="+397"/>
        <source>Import connections</source>
        <translation>导入连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection files (*.json);;All files (*)</source>
        <translation>连接文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <location line="+6"/>
        <source>Export connections</source>
        <translation>导出连接</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Connection files (*.json)</source>
        <translation>连接文件 (*.json)</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Exported %n connection(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 个连接到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Connecting to %1:%2</source>
        <translation>正在连接到 %1:%2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Disconnecting</source>
        <translation>正在断开</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ProfileExporter</name>
    <message>
        <location filename="../core/profile/profile_exporter.cpp" line="+53"/>
        <location line="+6"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ProfileFormatError</name>
    <message>
        <location filename="../core/profile/profile_format_error.cpp" line="+36"/>
        <source>The file is not valid JSON (line %1): %2</source>
        <translation>文件不是有效的 JSON（第 %1 行）：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file is neither an MQTT Desk profile export nor an MQTTX export nor MQTT Explorer&apos;s settings: %1</source>
        <translation>该文件既不是 MQTT Desk 配置导出，也不是 MQTTX 导出，也不是 MQTT Explorer 的设置：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file was written by a newer MQTT Desk (format version %1); update the application to import it.</source>
        <translation>该文件由更新版本的 MQTT Desk 写入（格式版本 %1）；请升级应用后再导入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The field &quot;%1&quot; is missing.</source>
        <translation>缺少字段“%1”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The field &quot;%1&quot; has the wrong type: expected %2.</source>
        <translation>字段“%1”类型错误：应为%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The field &quot;%1&quot; is out of range: %2.</source>
        <translation>字段“%1”超出范围：%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The field &quot;%1&quot; has an unknown value: %2.</source>
        <translation>字段“%1”的值未知：%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The field &quot;%1&quot; is not valid %2.</source>
        <translation>字段“%1”不是有效的 %2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ProfileImportCommand</name>
    <message>
        <location filename="../ui/mainwindow/profile_import_command.cpp" line="+48"/>
        <source>the file holds no connections</source>
        <translation>文件中没有任何连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was imported from %1: %2</source>
        <translation>未从 %1 导入任何内容：%2</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>“%1” would connect to %2:%3 with the client ID “%4”, as “%5” does.</source>
        <translation>“%1”将以客户端 ID “%4”连接到 %2:%3，与“%5”相同。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shared client ID</source>
        <translation>客户端 ID 重复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two connections with the same client ID disconnect each other whenever both are connected. Give the imported connections new client IDs?</source>
        <translation>客户端 ID 相同的两个连接同时连接时会互相断开。要为导入的连接分配新的客户端 ID 吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New client IDs</source>
        <translation>新的客户端 ID(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep them</source>
        <translation>保持不变(&amp;K)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connection imported</source>
        <translation>连接已导入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection replaced by the imported one</source>
        <translation>连接已被导入的连接替换</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Import of %1: %2 added, %3 replaced, %4 skipped.</source>
        <translation>导入 %1：新增 %2 个，替换 %3 个，跳过 %4 个。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ProfileImporter</name>
    <message>
        <location filename="../core/profile/mqtt_explorer_importer.cpp" line="+36"/>
        <location line="+24"/>
        <location filename="../core/profile/profile_importer.cpp" line="+45"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../core/profile/profile_importer.cpp" line="+65"/>
        <source>&quot;format&quot; is &quot;%1&quot;</source>
        <translation>“format”为“%1”</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no &quot;format&quot;: &quot;mqttdesk-profiles&quot;, no MQTTX connection (host, clientId) and no MQTT Explorer settings (ConnectionManager_connections)</source>
        <translation>没有 &quot;format&quot;: &quot;mqttdesk-profiles&quot;，没有 MQTTX 连接（host、clientId），也没有 MQTT Explorer 设置（ConnectionManager_connections）</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ProfileJson</name>
    <message>
        <location filename="../core/profile/profile_json.cpp" line="+338"/>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ProfileRecords</name>
    <message>
        <location filename="../core/workspace/profile_records.cpp" line="+220"/>
        <source>The snapshot is no longer stored.</source>
        <translation>该快照已不再保存。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ProfileSecrets</name>
    <message>
        <location filename="../core/profile/profile_secrets.cpp" line="+44"/>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key passphrase</source>
        <translation>私钥口令</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PKCS#12 password</source>
        <translation>PKCS#12 密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>proxy password</source>
        <translation>代理密码</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>The %1 is no longer in the system keychain; enter it again.</source>
        <translation>系统钥匙串中已没有该%1；请重新输入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keychain could not read the %1: %2</source>
        <translation>系统钥匙串无法读取%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system keychain could not store the %1: %2</source>
        <translation>系统钥匙串无法保存%1：%2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The passwords of &quot;%1&quot; are saved unencrypted in its profile, as you agreed.</source>
        <translation>按照你的同意，“%1”的密码已以明文保存在其配置中。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not saved: %1. You will be asked for it when connecting.</source>
        <translation>未保存：%1。连接时会再次询问。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ProfileValidator</name>
    <message>
        <location filename="../core/profile/profile_validator.cpp" line="+52"/>
        <source>%1 in row %2 has no name.</source>
        <translation>第 %2 行的%1没有名称。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A DNS SRV lookup needs a domain such as example.com in the host field; &quot;%1&quot; has no dot.</source>
        <translation>DNS SRV 查询需要在主机栏填写 example.com 这样的域名；“%1”中没有点。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fallback broker %1 needs a valid host name or IP address, without scheme and port.</source>
        <translation>备用代理 %1 需要有效的主机名或 IP 地址，不带协议和端口。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fallback broker %1 needs a port between 1 and 65535.</source>
        <translation>备用代理 %1 需要 1 到 65535 之间的端口。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter a name for the connection.</source>
        <translation>请输入连接名称。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the broker&apos;s host name or IP address.</source>
        <translation>请输入服务器的主机名或 IP 地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The host &quot;%1&quot; is not a valid host name or IP address; leave out the scheme (mqtt://) and the port.</source>
        <translation>主机“%1”不是有效的主机名或 IP 地址；请去掉协议前缀（mqtt://）和端口。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The port must be between 1 and 65535.</source>
        <translation>端口必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The WebSocket path must start with &quot;/&quot;.</source>
        <translation>WebSocket 路径必须以“/”开头。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The WebSocket header</source>
        <translation>WebSocket 请求头</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The WebSocket header name &quot;%1&quot; may not contain a colon or a space.</source>
        <translation>WebSocket 请求头名称“%1”不能包含冒号或空格。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>MQTT 3.1 needs a client id: enter one or generate it.</source>
        <translation>MQTT 3.1 需要客户端 ID：请输入或生成一个。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MQTT 3.1 allows a client id of at most 23 characters; this one has %1.</source>
        <translation>MQTT 3.1 的客户端 ID 最多 23 个字符；当前为 %1 个。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>MQTT 3.1.1 needs a client id when clean session is off: enter one or turn clean session on.</source>
        <translation>关闭清除会话时，MQTT 3.1.1 需要客户端 ID：请输入一个，或开启清除会话。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The client id has %1 bytes; a 3.1.1 broker only has to accept 23 [MQTT-3.1.3-5].</source>
        <translation>客户端 ID 有 %1 字节；3.1.1 服务器只保证接受 23 字节 [MQTT-3.1.3-5]。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The client id is longer than 65535 bytes.</source>
        <translation>客户端 ID 超过 65535 字节。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MQTT %1 cannot send a password without a user name: enter a user name.</source>
        <translation>MQTT %1 不能在没有用户名的情况下发送密码：请输入用户名。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing can verify the server: add a CA file or use the system CA certificates.</source>
        <translation>没有可用于验证服务器的证书：请添加 CA 文件或使用系统 CA 证书。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use either a PKCS#12 bundle or a certificate and key, not both.</source>
        <translation>请使用 PKCS#12 文件或证书加私钥，二者只能选其一。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The client certificate needs its private key: choose the key file.</source>
        <translation>客户端证书需要对应的私钥：请选择私钥文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The private key needs its client certificate: choose the certificate file.</source>
        <translation>私钥需要对应的客户端证书：请选择证书文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each ALPN protocol name must be 1 to 255 bytes long.</source>
        <translation>每个 ALPN 协议名的长度必须为 1 到 255 字节。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the file the TLS session keys are written to.</source>
        <translation>请选择写入 TLS 会话密钥的文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TLS session keys are written to a file: anyone with it can decrypt this connection&apos;s traffic.</source>
        <translation>TLS 会话密钥会被写入文件：任何拿到该文件的人都能解密此连接的流量。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Insecure: the server&apos;s certificate is not verified, so anyone can pretend to be this broker.</source>
        <translation>不安全：未验证服务器证书，任何人都可以冒充该服务器。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The shortest reconnect delay must be more than 0 ms.</source>
        <translation>最短重连间隔必须大于 0 毫秒。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The longest reconnect delay (%1 ms) is shorter than the shortest (%2 ms).</source>
        <translation>最长重连间隔（%1 毫秒）小于最短间隔（%2 毫秒）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The offline queue size cannot be negative.</source>
        <translation>离线队列长度不能为负数。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the proxy&apos;s host name or IP address.</source>
        <translation>请输入代理的主机名或 IP 地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The proxy host &quot;%1&quot; is not a valid host name or IP address.</source>
        <translation>代理主机“%1”不是有效的主机名或 IP 地址。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The proxy port must be between 1 and 65535.</source>
        <translation>代理端口必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The user property</source>
        <translation>用户属性</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The history limits cannot be negative.</source>
        <translation>历史记录上限不能为负数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The MQTT 5.0 connect properties are not sent with MQTT %1.</source>
        <translation>使用 MQTT %1 时不会发送 MQTT 5.0 连接属性。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passwords of this connection are saved unencrypted in its profile, as you agreed.</source>
        <translation>按照你的同意，此连接的密码以明文保存在其配置中。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter a topic for the last will, or turn the last will off.</source>
        <translation>请输入遗嘱消息的主题，或关闭遗嘱消息。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The last will topic &quot;%1&quot; may not contain the wildcards + or #.</source>
        <translation>遗嘱主题“%1”不能包含通配符 + 或 #。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The last will topic is longer than 65535 bytes.</source>
        <translation>遗嘱主题超过 65535 字节。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last will QoS must be 0, 1 or 2.</source>
        <translation>遗嘱消息的 QoS 必须是 0、1 或 2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The will user property</source>
        <translation>遗嘱用户属性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The will payload is marked as UTF-8 text but is not valid UTF-8 [MQTT-3.1.3-16].</source>
        <translation>遗嘱载荷被标记为 UTF-8 文本，但不是有效的 UTF-8 [MQTT-3.1.3-16]。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The MQTT 5.0 will properties are not sent with MQTT %1.</source>
        <translation>使用 MQTT %1 时不会发送 MQTT 5.0 遗嘱属性。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Enter a port.</source>
        <translation>请输入端口。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The port &quot;%1&quot; is not between 1 and 65535.</source>
        <translation>端口“%1”不在 1 到 65535 之间。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::PublishBar</name>
    <message>
        <location filename="../ui/publish/publish_bar.cpp" line="+102"/>
        <source>&amp;Topic:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic to publish to</source>
        <translation>要发布到的主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q&amp;oS:</source>
        <translation>QoS(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retain</source>
        <translation>保留(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For&amp;mat:</source>
        <translation>格式(&amp;M)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+36"/>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+1"/>
        <source>MQTT 5 publish properties</source>
        <translation>MQTT 5 发布属性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resend a message from the publish history</source>
        <translation>从发布历史中重新发送消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish history</source>
        <translation>发布历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text, sent as UTF-8 bytes</source>
        <translation>文本，以 UTF-8 字节发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name=value; other=value</source>
        <translation>名称=值; 其他=值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Payload:</source>
        <translation>载荷(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload (Ctrl+Enter sends)</source>
        <translation>载荷（Ctrl+Enter 发送）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish (Ctrl+Enter)</source>
        <translation>发布（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+37"/>
        <source>Properties on</source>
        <translation>属性已启用</translation>
    </message>
    <message>
        <location line="+195"/>
        <source>Not connected: this connection refuses to publish while disconnected. Connect first, or allow queueing in the connection&apos;s settings.</source>
        <translation>未连接：此连接在断开时拒绝发布。请先连接，或在连接设置中允许排队。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not connected: only QoS 1 and 2 messages are queued until the connection is back. Connect first, or choose QoS 1 or 2.</source>
        <translation>未连接：只有 QoS 1 和 2 的消息会排队等待连接恢复。请先连接，或选择 QoS 1 或 2。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+63"/>
        <source>publishing…</source>
        <translation>正在发布…</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+63"/>
        <source>queued until connected</source>
        <translation>已排队，连接后发送</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Resend %1 (QoS %2): %3</source>
        <translation>重新发送 %1（QoS %2）：%3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not connected: connect first to resend this message.</source>
        <translation>未连接：请先连接再重新发送此消息。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Last message: %1</source>
        <translation>上一条消息：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last message was not delivered: %1</source>
        <translation>上一条消息未送达：%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::PublishJob</name>
    <message>
        <location filename="../core/publishjob/publish_job.cpp" line="+96"/>
        <source>The connection is not open.</source>
        <translation>连接未打开。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The connection closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The connection is gone.</source>
        <translation>连接已不存在。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Message %1 cannot be sent: %2</source>
        <translation>无法发送消息 %1：%2</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Message %1 was not sent: %2</source>
        <translation>消息 %1 未发送：%2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The server refused the message: %1.</source>
        <translation>服务器拒绝了该消息：%1。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::PublishJobListModel</name>
    <message>
        <location filename="../core/publishjob/publish_job_list_model.cpp" line="+145"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused — waiting for the connection</source>
        <translation>已暂停 — 等待连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1/s</source>
        <extracomment>A rate of messages: &quot;1,234/s&quot;</extracomment>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Topic: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n message(s) still waiting for an acknowledgement</source>
        <translation>
            <numerusform>%n 条消息仍在等待确认</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Acknowledged messages a second since the start</source>
        <translation>自开始以来每秒确认的消息数</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
</context>
<context>
    <name>mqttdesk::PublishJobsView</name>
    <message>
        <location filename="../ui/workbench/publish_jobs_view.cpp" line="+67"/>
        <source>No timed sends. Use &apos;Send repeatedly…&apos; on a template.</source>
        <translation>没有定时发送。请对模板使用“重复发送…”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timed sends</source>
        <translation>定时发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the selected timed sends; messages already sent still finish and are counted</source>
        <translation>停止所选的定时发送；已发出的消息仍会完成并计数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop &amp;all</source>
        <translation>全部停止(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop every timed send of this connection</source>
        <translation>停止此连接的所有定时发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear ended</source>
        <translation>清除已结束(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the finished and stopped sends from the list</source>
        <translation>从列表中移除已完成和已停止的发送</translation>
    </message>
</context>
<context>
    <name>mqttdesk::PublishPropertiesFields</name>
    <message>
        <location filename="../ui/publish/publish_properties_fields.cpp" line="+35"/>
        <source>Message &amp;expiry:</source>
        <translation>消息过期(&amp;E)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message expiry:</source>
        <translation>消息过期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Content type:</source>
        <translation>内容类型(&amp;C)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Content type:</source>
        <translation>内容类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload format &amp;indicator:</source>
        <translation>载荷格式指示(&amp;I)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payload format indicator:</source>
        <translation>载荷格式指示：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Res&amp;ponse topic:</source>
        <translation>响应主题(&amp;P)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Response topic:</source>
        <translation>响应主题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corre&amp;lation data:</source>
        <translation>关联数据(&amp;L)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Correlation data:</source>
        <translation>关联数据：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User properties:</source>
        <translation>用户属性(&amp;U)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User properties:</source>
        <translation>用户属性：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never expires</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. application/json</source>
        <translation>例如：application/json</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not sent</source>
        <translation>不发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0: unspecified bytes</source>
        <translation>0：未指定的字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1: UTF-8 text</source>
        <translation>1：UTF-8 文本</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ReasonCode</name>
    <message>
        <location filename="../core/protocol/reason_code.cpp" line="+34"/>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Granted QoS 1</source>
        <translation>授予 QoS 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Granted QoS 2</source>
        <translation>授予 QoS 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnect with Will Message</source>
        <translation>断开并发送遗嘱消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No matching subscribers</source>
        <translation>没有匹配的订阅者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No subscription existed</source>
        <translation>订阅不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue authentication</source>
        <translation>继续认证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-authenticate</source>
        <translation>重新认证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unspecified error</source>
        <translation>未指明的错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Malformed Packet</source>
        <translation>报文格式错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol Error</source>
        <translation>协议错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Implementation specific error</source>
        <translation>实现相关的错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsupported Protocol Version</source>
        <translation>不支持的协议版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client Identifier not valid</source>
        <translation>客户端标识符无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad User Name or Password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not authorized</source>
        <translation>未授权</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server unavailable</source>
        <translation>服务器不可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server busy</source>
        <translation>服务器繁忙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Banned</source>
        <translation>已被禁止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server shutting down</source>
        <translation>服务器正在关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bad authentication method</source>
        <translation>认证方法错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep Alive timeout</source>
        <translation>保活超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session taken over</source>
        <translation>会话被接管</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic Filter invalid</source>
        <translation>主题过滤器无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic Name invalid</source>
        <translation>主题名无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Packet Identifier in use</source>
        <translation>报文标识符已被使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Packet Identifier not found</source>
        <translation>找不到报文标识符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive Maximum exceeded</source>
        <translation>超出接收最大值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic Alias invalid</source>
        <translation>主题别名无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packet too large</source>
        <translation>报文过大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message rate too high</source>
        <translation>消息速率过高</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quota exceeded</source>
        <translation>超出配额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrative action</source>
        <translation>管理操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload format invalid</source>
        <translation>载荷格式无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retain not supported</source>
        <translation>不支持保留消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QoS not supported</source>
        <translation>不支持该 QoS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use another server</source>
        <translation>请使用其他服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server moved</source>
        <translation>服务器已迁移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared Subscriptions not supported</source>
        <translation>不支持共享订阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection rate exceeded</source>
        <translation>超出连接速率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum connect time</source>
        <translation>达到最长连接时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subscription Identifiers not supported</source>
        <translation>不支持订阅标识符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wildcard Subscriptions not supported</source>
        <translation>不支持通配符订阅</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Normal disconnection</source>
        <translation>正常断开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Granted QoS 0</source>
        <translation>授予 QoS 0</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown reason code</source>
        <translation>未知的原因码</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connection accepted</source>
        <translation>连接已接受</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection refused: unacceptable protocol version</source>
        <translation>连接被拒绝：协议版本不可接受</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection refused: identifier rejected</source>
        <translation>连接被拒绝：标识符被拒绝</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection refused: server unavailable</source>
        <translation>连接被拒绝：服务器不可用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection refused: bad user name or password</source>
        <translation>连接被拒绝：用户名或密码错误</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection refused: not authorized</source>
        <translation>连接被拒绝：未授权</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reserved return code</source>
        <translation>保留的返回码</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ReplayDialog</name>
    <message>
        <location filename="../ui/automation/replay_dialog.cpp" line="+152"/>
        <source>Replay capture — %1</source>
        <translation>回放捕获 — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Capture file:</source>
        <translation>捕获文件(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a capture</source>
        <translation>打开捕获</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captures and history exports (*.jsonl *.json);;All files (*)</source>
        <translation>捕获和历史导出 (*.jsonl *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mqttdesk-cli record -o FILE, or a history export</source>
        <translation>mqttdesk-cli record -o 文件，或历史导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Speed:</source>
        <translation>速度(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ×</source>
        <translation> 倍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1: the original timing; 2: twice as fast</source>
        <translation>1：原始节奏；2：两倍速</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As &amp;fast as possible</source>
        <translation>尽可能快(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rewrite topics:</source>
        <translation>改写主题(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OLD=NEW, e.g. prod/=test/ (several: separated by spaces)</source>
        <translation>旧=新，例如 prod/=test/（多条用空格分隔）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;QoS:</source>
        <translation>QoS(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>As recorded</source>
        <translation>按录制时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Loops:</source>
        <translation>循环次数(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the &amp;retain flags</source>
        <translation>保持 retain 标志(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the MQTT 5 &amp;properties</source>
        <translation>保持 MQTT 5 属性(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 messages over %2 s%3</source>
        <translation>%1 条消息，历时 %2 秒%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, recorded from %1</source>
        <translation>，录制自 %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 of %2 sent, %3 acknowledged, %4 failed.</source>
        <translation>已发送 %1 / %2 条，%3 条已确认，%4 条失败。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paused: %1</source>
        <translation>已暂停：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Connect first</source>
        <translation>请先连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ReplayJob</name>
    <message>
        <location filename="../core/automation/replay_job.cpp" line="+83"/>
        <source>Not connected: connect first, then replay.</source>
        <translation>未连接：请先连接，再回放。</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>The server refused a message: %1.</source>
        <translation>服务器拒绝了一条消息：%1。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The connection was lost after %1 of %2 messages.</source>
        <translation>在发送 %1 / %2 条消息后连接断开。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::RequestClient</name>
    <message>
        <location filename="../core/request/request_client.cpp" line="+71"/>
        <source>The connection is gone.</source>
        <translation>连接已不存在。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+9"/>
        <source>Response topic: %1</source>
        <translation>响应主题：%1</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Correlation: %1</source>
        <translation>关联：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>MQTT 3.1.1 has no Correlation Data: give a payload field that carries the correlation, or a response topic unique to each request (with {{uuid}}).</source>
        <translation>MQTT 3.1.1 没有关联数据：请指定一个携带关联值的载荷字段，或为每个请求使用唯一的响应主题（使用 {{uuid}}）。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>No reply within %1 ms.</source>
        <translation>%1 毫秒内没有收到回复。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The server refused the subscription to the response topic “%1”: %2.</source>
        <translation>服务器拒绝了对响应主题“%1”的订阅：%2。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The server refused the request: %1.</source>
        <translation>服务器拒绝了该请求：%1。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::RequestListModel</name>
    <message>
        <location filename="../core/request/request_list_model.cpp" line="+53"/>
        <source>Subscribing to the response topic…</source>
        <translation>正在订阅响应主题…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for the reply…</source>
        <translation>正在等待回复…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Round trip</source>
        <translation>往返时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
</context>
<context>
    <name>mqttdesk::RequestPanel</name>
    <message>
        <location filename="../ui/workbench/request_panel.cpp" line="+138"/>
        <source>Response &amp;topic:</source>
        <translation>响应主题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the reply is expected; it is subscribed before the request goes out. With {{uuid}} each request gets a topic of its own.</source>
        <translation>期望收到回复的主题；在发出请求之前先订阅。使用 {{uuid}} 时每个请求都有自己的主题。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Correlation:</source>
        <translation>关联(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MQTT 5: sent as Correlation Data; the reply must carry the same. {{uuid}} is the request&apos;s own id.</source>
        <translation>MQTT 5：作为关联数据发送；回复必须携带相同的值。{{uuid}} 是该请求自身的 ID。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in payload &amp;field:</source>
        <translation>载荷字段(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. id</source>
        <translation>例如 id</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The JSON member of the reply that carries the correlation: how MQTT 3.1.1, which has no Correlation Data, matches a reply. The request&apos;s payload carries it too, e.g. &quot;id&quot;: &quot;{{uuid}}&quot;.</source>
        <translation>回复中携带关联值的 JSON 成员：MQTT 3.1.1 没有关联数据，靠它来匹配回复。请求的载荷也要携带它，例如 &quot;id&quot;: &quot;{{uuid}}&quot;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time&amp;out:</source>
        <translation>超时(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;quest</source>
        <translation>请求(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rep&amp;ly</source>
        <translation>回复(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past requests</source>
        <translation>历史请求</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Send a template as a request to see it here with its reply.</source>
        <translation>将模板作为请求发送，即可在此看到它及其回复。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Replied in %1 ms</source>
        <translation>%1 毫秒内已回复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · reply expected on %2</source>
        <translation>%1 · 期望在 %2 上收到回复</translation>
    </message>
</context>
<context>
    <name>mqttdesk::RequestValidator</name>
    <message>
        <location filename="../core/session/request_validator.cpp" line="+34"/>
        <source>Cannot publish to &quot;%1&quot;: %2</source>
        <translation>无法发布到“%1”：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>QoS must be 0, 1 or 2.</source>
        <translation>QoS 必须是 0、1 或 2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A published message cannot carry a Subscription Identifier; remove it.</source>
        <translation>发布的消息不能携带订阅标识符；请将其移除。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The response topic &quot;%1&quot; is invalid: %2</source>
        <translation>响应主题“%1”无效：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server accepts messages up to QoS %1 only; publish with QoS %1 or lower.</source>
        <translation>服务器只接受最高 QoS %1 的消息；请以 QoS %1 或更低等级发布。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server does not support retained messages; publish without Retain.</source>
        <translation>服务器不支持保留消息；请取消“保留”后再发布。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A subscription needs at least one filter.</source>
        <translation>订阅至少需要一个主题过滤器。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A subscription identifier must be between 1 and 268,435,455.</source>
        <translation>订阅标识符必须在 1 到 268,435,455 之间。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot subscribe to &quot;%1&quot;: %2</source>
        <translation>无法订阅“%1”：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Subscription options out of range (QoS 0..2, Retain Handling 0..2).</source>
        <translation>订阅选项超出范围（QoS 0..2，保留处理 0..2）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No Local cannot be set on the shared subscription &quot;%1&quot;; turn it off.</source>
        <translation>共享订阅“%1”不能设置 No Local（不接收本地消息）；请将其关闭。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server does not support wildcard subscriptions (&quot;%1&quot;).</source>
        <translation>服务器不支持通配符订阅（“%1”）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server does not support shared subscriptions (&quot;%1&quot;).</source>
        <translation>服务器不支持共享订阅（“%1”）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server does not support subscription identifiers; subscribe without one.</source>
        <translation>服务器不支持订阅标识符；请不带订阅标识符进行订阅。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unsubscribing needs at least one filter.</source>
        <translation>取消订阅至少需要一个主题过滤器。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot unsubscribe from &quot;%1&quot;: %2</source>
        <translation>无法取消订阅“%1”：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The %1 packet would be %2 bytes, but the server accepts at most %3 bytes; it was not sent. Make the payload or properties smaller.</source>
        <translation>%1 报文将有 %2 字节，但服务器最多接受 %3 字节，因此未发送。请减小载荷或属性。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::RetainedClearDialog</name>
    <message>
        <location filename="../ui/topictree/retained_clear_dialog.cpp" line="+74"/>
        <source>Clear retained messages</source>
        <translation>清除保留消息</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Clear the retained message of %n topic(s)? An empty retained message is published to each; the broker then keeps none for it. This cannot be undone.</source>
        <translation>
            <numerusform>清除 %n 个主题的保留消息？将向每个主题发布一条空的保留消息，代理随后不再为其保留任何消息。此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Topics to clear</source>
        <translation>要清除的主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;QoS:</source>
        <translation>&amp;QoS：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The QoS of the empty messages; 1 or 2 confirms each one</source>
        <translation>空消息的 QoS；1 或 2 会逐条确认</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&amp;Clear %n topic(s)</source>
        <translation>
            <numerusform>清除 %n 个主题(&amp;C)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cleared %1 of %2.</source>
        <translation>已清除 %1 / %2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped: the other topics were not cleared.</source>
        <translation>已停止：其余主题未清除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed:</source>
        <translation>失败：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>mqttdesk::RetainedClearer</name>
    <message>
        <location filename="../core/retained/retained_clearer.cpp" line="+30"/>
        <source>The connection is gone</source>
        <translation>连接已不存在</translation>
    </message>
</context>
<context>
    <name>mqttdesk::RetainedCollector</name>
    <message>
        <location filename="../core/retained/retained_collector.cpp" line="+29"/>
        <source>Retained messages were still arriving after %1 s (%2 topics so far).</source>
        <translation>%1 秒后保留消息仍在到达（目前 %2 个主题）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The connection was lost while collecting retained messages.</source>
        <translation>收集保留消息时连接断开。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The server refused the subscription to %1: %2</source>
        <translation>服务器拒绝了对 %1 的订阅：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The connection is gone.</source>
        <translation>连接已不存在。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::RetainedDiffModel</name>
    <message>
        <location filename="../core/retained/retained_diff_model.cpp" line="+52"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed</source>
        <translation>更改</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A (before)</source>
        <translation>A（之前）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>B (after)</source>
        <translation>B（之后）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No differences; unchanged: %1.</source>
        <translation>没有差异；未变：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added: %1, removed: %2, changed: %3; unchanged: %4.</source>
        <translation>新增：%1，删除：%2，更改：%3；未变：%4。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::RetainedDiffPanel</name>
    <message>
        <location filename="../ui/topictree/retained_diff_panel.cpp" line="+76"/>
        <source>E&amp;xport comparison…</source>
        <translation>导出比较结果(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the differences as JSON or CSV</source>
        <translation>将差异保存为 JSON 或 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values of the selected topic</source>
        <translation>所选主题的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a row to see both values in full.</source>
        <translation>选择一行以查看两侧的完整值。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A: %1 · B: %2</source>
        <translation>A：%1 · B：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose A and B, then Compare.</source>
        <translation>选择 A 和 B，然后点击比较。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>(not retained)</source>
        <translation>（无保留消息）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A (%1):</source>
        <translation>A（%1）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>B (%1):</source>
        <translation>B（%1）：</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+6"/>
        <source>Export comparison</source>
        <translation>导出比较结果</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::RetainedSnapshotDialog</name>
    <message>
        <location filename="../ui/topictree/retained_snapshot_dialog.cpp" line="+189"/>
        <source>Retained snapshots</source>
        <translation>保留消息快照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take a snapshot of what the broker retains</source>
        <translation>为代理保留的消息拍摄快照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter:</source>
        <translation>过滤器(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The retained messages under this filter are recorded, e.g. plant/# or #</source>
        <translation>记录此过滤器下的保留消息，例如 plant/# 或 #</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. before the deployment</source>
        <translation>例如：部署之前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Take snapshot</source>
        <translation>拍摄快照(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscribe over a connection of its own, collect the retained messages until the broker is quiet, and store them</source>
        <translation>通过独立的连接订阅，收集保留消息直到代理不再发送，然后保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Stored snapshots</source>
        <translation>已保存的快照</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Filter</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taken</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Broker</source>
        <translation>代理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the snapshot as a JSON file (mqttdesk-cli retained diff reads it)</source>
        <translation>将快照保存为 JSON 文件（mqttdesk-cli retained diff 可读取）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store a snapshot file, e.g. one taken with mqttdesk-cli retained snapshot</source>
        <translation>保存一个快照文件，例如用 mqttdesk-cli retained snapshot 拍摄的快照</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;A (before):</source>
        <translation>A（之前）(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;B (after):</source>
        <translation>B（之后）(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A stored snapshot, or a broker as it is now</source>
        <translation>已保存的快照，或代理的当前状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+43"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This broker now (%1)</source>
        <translation>此代理的当前状态（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 now</source>
        <translation>%1 的当前状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2, %3 topics)</source>
        <translation>%1（%2，%3 个主题）</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Cannot read the stored snapshots: %1</source>
        <translation>无法读取已保存的快照：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+73"/>
        <source>The filter is not valid: %1</source>
        <translation>过滤器无效：%1</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Snapshot of %1</source>
        <translation>%1 的快照</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Collecting retained messages: %1 topics so far…</source>
        <translation>正在收集保留消息：目前 %1 个主题…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The snapshot failed: %1</source>
        <translation>快照失败：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Snapshot taken: %1 topics (not stored: this connection has no storage).</source>
        <translation>快照已拍摄：%1 个主题（未保存：此连接没有存储）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Storing %1 topics…</source>
        <translation>正在保存 %1 个主题…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+226"/>
        <source>The snapshot could not be stored: %1</source>
        <translation>无法保存快照：%1</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Snapshot “%1” stored: %2 topics.</source>
        <translation>快照“%1”已保存：%2 个主题。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connecting to take a snapshot of %1…</source>
        <translation>正在连接以拍摄 %1 的快照…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Comparing under %1…</source>
        <translation>正在比较 %1 下的保留消息…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no storage</source>
        <translation>没有存储</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Compared: no differences.</source>
        <translation>比较完成：没有差异。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compared: %1 differences.</source>
        <translation>比较完成：%1 处差异。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot rename the snapshot: %1</source>
        <translation>无法重命名快照：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete snapshot</source>
        <translation>删除快照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the snapshot “%1” (%2 topics)? This cannot be undone.</source>
        <translation>删除快照“%1”（%2 个主题）？此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot delete the snapshot: %1</source>
        <translation>无法删除快照：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+7"/>
        <source>Cannot export the snapshot: %1</source>
        <translation>无法导出快照：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot import the snapshot: %1</source>
        <translation>无法导入快照：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Imported “%1”: %2 topics.</source>
        <translation>已导入“%1”：%2 个主题。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rename snapshot</source>
        <translation>重命名快照</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export snapshot</source>
        <translation>导出快照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retained snapshots (*.json)</source>
        <translation>保留消息快照 (*.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import snapshot</source>
        <translation>导入快照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retained snapshots (*.json);;All files (*)</source>
        <translation>保留消息快照 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ScriptDecoder</name>
    <message>
        <location filename="../core/script/script_decoder.cpp" line="+27"/>
        <source>Running the script…</source>
        <translation>正在运行脚本…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;script&quot; must be a string.</source>
        <translation>&quot;script&quot; 必须是字符串。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;timeLimitMs&quot; must be a whole number from 1 to %1.</source>
        <translation>&quot;timeLimitMs&quot; 必须是 1 到 %1 之间的整数。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;memoryLimitMB&quot; must be a whole number from 1 to %1.</source>
        <translation>&quot;memoryLimitMB&quot; 必须是 1 到 %1 之间的整数。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the rule has no script.</source>
        <translation>该规则没有脚本。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ScriptOptionsEditor</name>
    <message>
        <location filename="../ui/stream/script_options_editor.cpp" line="+83"/>
        <source>&amp;Script:</source>
        <translation>脚本(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return JSON.parse(payload).temp + &apos; °C&apos;;</source>
        <translation>return JSON.parse(payload).temp + &apos; °C&apos;;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The body of function (payload, topic, message): payload is the text, message.bytes the raw bytes, message.qos and message.retain. Return a string, or an object to show it as JSON.</source>
        <translation>function (payload, topic, message) 的函数体：payload 为文本，message.bytes 为原始字节，另有 message.qos 和 message.retain。返回字符串，或返回对象以 JSON 形式显示。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Time limit:</source>
        <translation>时间限制(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A call that runs longer is stopped and shows an error</source>
        <translation>运行超时的调用会被停止并显示错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample t&amp;opic:</source>
        <translation>示例主题(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. plant/boiler/temp</source>
        <translation>例如 plant/boiler/temp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample &amp;payload:</source>
        <translation>示例载荷(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. {&quot;temp&quot;: 21.5}</source>
        <translation>例如 {&quot;temp&quot;: 21.5}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;est</source>
        <translation>测试(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the script on the sample payload</source>
        <translation>对示例载荷运行脚本</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Result:
%1</source>
        <translation>结果：
%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ScriptRunner</name>
    <message>
        <location filename="../core/script/script_runner.cpp" line="+143"/>
        <source>The script ran code while it was compiled and was stopped.</source>
        <translation>脚本在编译时执行了代码，已被停止。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The script must be the body of a function (its braces unbalanced?).</source>
        <translation>脚本必须是函数体（花括号是否不匹配？）。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The payload is too large for a script: %1 bytes (at most %2).</source>
        <translation>载荷过大，无法交给脚本处理：%1 字节（最多 %2）。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The payload is too large for a script: %1 characters (at most %2).</source>
        <translation>载荷过大，无法交给脚本处理：%1 个字符（最多 %2）。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Stopped after %1 ms (the time limit).</source>
        <translation>已在 %1 ms 后停止（时间限制）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped: the script used more than the memory limit of %1 MB.</source>
        <translation>已停止：脚本使用的内存超过了 %1 MB 的内存上限。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The script returned nothing: end it with return and a value.</source>
        <translation>脚本没有返回任何内容：请以 return 和一个值结尾。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The result cannot be written as JSON: %1</source>
        <translation>结果无法写为 JSON：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The result is too large: %1 characters (at most %2).</source>
        <translation>结果过大：%1 个字符（最多 %2）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Uncaught exception: %1</source>
        <translation>未捕获的异常：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopped at the memory limit: %1</source>
        <translation>已在达到内存上限时停止：%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::ScriptedMessageMaker</name>
    <message>
        <location filename="../core/publishjob/scripted_message_maker.cpp" line="+67"/>
        <source>Script error: %1</source>
        <translation>脚本错误：%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SecretStore</name>
    <message>
        <location filename="../core/profile/secret_store.cpp" line="+33"/>
        <source>no system keychain answers: no Secret Service (such as GNOME Keyring or KWallet) is running for this session</source>
        <translation>系统钥匙串没有响应：当前会话中没有运行 Secret Service（例如 GNOME Keyring 或 KWallet）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>access to the system keychain was refused (it may be locked, or the request was declined)</source>
        <translation>访问系统钥匙串被拒绝（钥匙串可能已锁定，或请求被拒绝）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the system keychain reported an error</source>
        <translation>系统钥匙串报告了错误</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (the keychain says: %2)</source>
        <translation>%1（钥匙串返回：%2）</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SeriesLoader</name>
    <message>
        <location filename="../core/series/series_loader.cpp" line="+59"/>
        <source>The values cannot be read: %1</source>
        <translation>无法读取数值：%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::Session</name>
    <message>
        <location filename="../core/session/session_state.cpp" line="+11"/>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnecting</source>
        <translation>正在断开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting to reconnect</source>
        <translation>等待重连</translation>
    </message>
    <message>
        <location filename="../core/session/auth_flow.cpp" line="+100"/>
        <source>it sent AUTH although we did not ask for enhanced authentication</source>
        <translation>我们并未请求增强认证，它却发送了 AUTH</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its AUTH names the method &quot;%1&quot; instead of &quot;%2&quot;</source>
        <translation>它的 AUTH 指定的认证方法是“%1”，而不是“%2”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>it sent AUTH Re-authenticate, which only a client may send</source>
        <translation>它发送了 AUTH 重新认证，而这只能由客户端发送</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it ended authentication with AUTH instead of CONNACK</source>
        <translation>它用 AUTH 而不是 CONNACK 结束了认证</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Enhanced authentication needs MQTT 5.0 and an authentication method in the connection settings.</source>
        <translation>增强认证需要 MQTT 5.0，并需在连接设置中指定认证方法。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>AUTH can continue an exchange the server started (0x18) or re-authenticate while connected (0x19); nothing was sent.</source>
        <translation>AUTH 只能用于继续服务器发起的认证交换（0x18），或在连接期间重新认证（0x19）；未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../core/session/reason_policy.cpp" line="+76"/>
        <source>The server refused the connection: %1.</source>
        <translation>服务器拒绝了连接：%1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server says: &quot;%1&quot;.</source>
        <translation>服务器表示：“%1”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+43"/>
        <source>It suggests the server &quot;%1&quot; instead.</source>
        <translation>它建议改用服务器“%1”。</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Check the user name and password.</source>
        <translation>请检查用户名和密码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the credentials and the broker&apos;s ACL.</source>
        <translation>请检查凭据和服务器的 ACL。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Try another MQTT version for this server.</source>
        <translation>请为该服务器尝试其他 MQTT 版本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use another client id (3.1: at most 23 characters).</source>
        <translation>请使用其他客户端 ID（3.1：最多 23 个字符）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The server closed the connection: %1.</source>
        <translation>服务器关闭了连接：%1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It says: &quot;%1&quot;.</source>
        <translation>它表示：“%1”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Another client connected with the same client id; use a unique id.</source>
        <translation>另一个客户端以相同的客户端 ID 连接；请使用唯一的 ID。</translation>
    </message>
    <message>
        <location filename="../core/session/session_core.cpp" line="+177"/>
        <source>Could not connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the transport failed.</source>
        <translation>传输失败。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection was lost: %1</source>
        <translation>连接已中断：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server closed it.</source>
        <translation>服务器关闭了连接。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server closed the connection before accepting it (no CONNACK): %1</source>
        <translation>服务器在接受连接之前就关闭了连接（未收到 CONNACK）：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no reason given.</source>
        <translation>未给出原因。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The connection ended before the server answered the PINGREQ.</source>
        <translation>服务器应答 PINGREQ 之前连接已结束。</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>The server did not accept the connection within %1 seconds. Check the host, port and transport (TLS, WebSocket).</source>
        <translation>服务器未在 %1 秒内接受连接。请检查主机、端口和传输方式（TLS、WebSocket）。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The server stopped answering (no PINGRESP within %1 seconds); the connection is considered dead.</source>
        <translation>服务器已停止响应（%1 秒内未收到 PINGRESP）；连接被视为已断开。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>it sent %1 before CONNACK</source>
        <translation>它在 CONNACK 之前发送了 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>it sent %1, which only a client may send</source>
        <translation>它发送了 %1，而这只能由客户端发送</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>it sent a second CONNACK</source>
        <translation>它发送了第二个 CONNACK</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>its CONNACK names the authentication method &quot;%1&quot; but we asked for &quot;%2&quot;</source>
        <translation>它的 CONNACK 指定的认证方法是“%1”，但我们请求的是“%2”</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>it claims a session is present although we asked for a clean start</source>
        <translation>我们请求了清除开始，它却声称会话已存在</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Not connected: connect first, then ping.</source>
        <translation>未连接：请先连接，再执行 ping。</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SessionError</name>
    <message>
        <location filename="../core/session/session_error.cpp" line="+71"/>
        <source>The server broke the MQTT protocol: %1 (%2). The connection was closed; if this persists, report it to the broker&apos;s operator.</source>
        <translation>服务器违反了 MQTT 协议：%1（%2）。连接已关闭；如果问题持续出现，请告知该服务器的运维人员。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>it sent %1 for packet id %2, which nothing of ours is waiting for</source>
        <translation>它发送了报文标识符为 %2 的 %1，但我们没有任何请求在等待它</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>packet</source>
        <translation>报文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server sent a %1 larger than this connection&apos;s maximum packet size of %2 bytes, so the connection was closed. MQTT 3.1.1 cannot tell the server this limit: raise it in the connection&apos;s advanced settings to receive it.</source>
        <translation>服务器发送的 %1 超过了此连接的最大报文大小 %2 字节，因此连接已关闭。MQTT 3.1.1 无法把此限制告知服务器：如需接收，请在连接的高级设置中调高该限制。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="+106"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stream</source>
        <translation>消息流</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set every setting on these pages back to its default</source>
        <translation>将这些页面上的所有设置恢复为默认值</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;oolbar:</source>
        <translation>工具栏(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Icons and text</source>
        <translation>图标和文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Icons only</source>
        <translation>仅图标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&amp;Font size:</source>
        <translation>字号(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Payload font:</source>
        <translation>载荷字体(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the &amp;system&apos;s monospace font</source>
        <translation>使用系统的等宽字体(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Messages:</source>
        <translation>消息(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lines per bubble:</source>
        <translation>每个气泡的行数(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many payload lines a bubble shows before &quot;… N more lines&quot;</source>
        <translation>气泡在显示“… 还有 N 行”之前显示的载荷行数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Times in:</source>
        <translation>时间采用(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time f&amp;ormat:</source>
        <translation>时间格式(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Qt date-time format, e.g. HH:mm:ss.zzz or yyyy-MM-dd HH:mm:ss</source>
        <translation>Qt 日期时间格式，例如 HH:mm:ss.zzz 或 yyyy-MM-dd HH:mm:ss</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bubbles</source>
        <translation>气泡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compact rows</source>
        <translation>紧凑行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How a connection&apos;s stream starts; each stream can switch</source>
        <translation>连接的消息流默认的显示方式；每个消息流都可以切换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local time</source>
        <translation>本地时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>What a new connection starts with. Each connection can change them in its Connection dialog.</source>
        <translation>新连接的初始设置。每个连接都可以在其连接对话框中更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnect</source>
        <translation>重连</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reconnect automatically</source>
        <translation>自动重连(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First retry after:</source>
        <translation>首次重试间隔(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Longest wait:</source>
        <translation>最长等待(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy</source>
        <translation>代理服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Proxy:</source>
        <translation>代理服务器(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP CONNECT</source>
        <translation>HTTP CONNECT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Apply to every connection</source>
        <translation>应用到所有连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every connection will keep this history from now on; older messages beyond it are deleted. Continue?</source>
        <translation>从现在起每个连接都将按此保留历史；超出的较旧消息会被删除。继续吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Compacting… New messages wait until it is done.</source>
        <translation>正在压缩… 新消息会等到完成后再写入。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New connections keep:</source>
        <translation>新连接保留(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;How many:</source>
        <translation>数量(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Older messages are deleted as new ones arrive. Each connection can change its own in Connection dialog &gt; Advanced.</source>
        <translation>新消息到达时会删除较旧的消息。每个连接都可以在 连接对话框 &gt; 高级 中更改自己的设置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ask before clearing a connection&apos;s history</source>
        <translation>清除连接的历史前先询问(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;pply to every connection…</source>
        <translation>应用到所有连接(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give every existing connection this history limit</source>
        <translation>为所有现有连接设置此历史上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On disk</source>
        <translation>磁盘占用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History size:</source>
        <translation>历史大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compact now</source>
        <translation>立即压缩(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the space of deleted messages back to the disk</source>
        <translation>将已删除消息占用的空间归还给磁盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Data folder:</source>
        <translation>数据文件夹(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the data folder in the file manager</source>
        <translation>在文件管理器中显示数据文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last days</source>
        <translation>最近若干天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last messages</source>
        <translation>最近若干条消息</translation>
    </message>
    <message>
        <location line="+63"/>
        <source> messages per connection</source>
        <translation> 条消息（每个连接）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Now: %1</source>
        <translation>现在：%1</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Could not compact the database: %1</source>
        <translation>无法压缩数据库：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compacted: %1 → %2 (%3 freed).</source>
        <translation>已压缩：%1 → %2（释放 %3）。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SparkplugContextResolver</name>
    <message>
        <location filename="../ui/stream/sparkplug_context_resolver.cpp" line="+116"/>
        <source>DDEATH: the device went offline</source>
        <translation>DDEATH：设备已离线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NDEATH: the edge node went offline</source>
        <translation>NDEATH：边缘节点已离线</translation>
    </message>
</context>
<context>
    <name>mqttdesk::StatusSummary</name>
    <message>
        <location filename="../ui/mainwindow/status_summary.cpp" line="+24"/>
        <source>No connection</source>
        <translation>无连接</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Received %1 · Stored %2</source>
        <translation>已接收 %1 · 已存储 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 msg/s</source>
        <translation>%1 条/秒</translation>
    </message>
</context>
<context>
    <name>mqttdesk::StreamPayloadLoader</name>
    <message>
        <location filename="../ui/stream/stream_payload_loader.cpp" line="+425"/>
        <source>Too large to decode as %1 in the stream: Show all decodes it.</source>
        <translation>过大，无法在消息流中按 %1 解码：“显示全部”可以解码。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SubscriptionListModel</name>
    <message>
        <location filename="../ui/subscriptions/subscription_list_model.cpp" line="+37"/>
        <source>not subscribed</source>
        <translation>未订阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subscribing…</source>
        <translation>正在订阅…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>granted QoS %1</source>
        <translation>已授予 QoS %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>subscribed</source>
        <translation>已订阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>inactive</source>
        <translation>未激活</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✓ QoS %1</source>
        <translation>✓ QoS %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Filter</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SubscriptionPanel</name>
    <message>
        <location filename="../ui/subscriptions/subscription_panel.cpp" line="+125"/>
        <source>&lt;b&gt;Subscriptions&lt;/b&gt;</source>
        <translation>&lt;b&gt;订阅&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter:</source>
        <translation>过滤器(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. sensors/+/temperature</source>
        <translation>例如 sensors/+/temperature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;QoS:</source>
        <translation>QoS(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5.0 options</source>
        <translation>5.0 选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>MQTT 5 subscription options</source>
        <translation>MQTT 5 订阅选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No Local (do not receive my own messages)</source>
        <translation>不接收本地消息(&amp;N)（不接收自己发布的消息）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retain as &amp;published</source>
        <translation>按发布时保留(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send retained messages on subscribe</source>
        <translation>订阅时发送保留消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send retained only for a new subscription</source>
        <translation>仅对新订阅发送保留消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not send retained messages</source>
        <translation>不发送保留消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name=value; other=value</source>
        <translation>名称=值; 其他=值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retain &amp;handling:</source>
        <translation>保留处理(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscription &amp;identifier:</source>
        <translation>订阅标识符(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User properties:</source>
        <translation>用户属性(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>✓ QoS %1</source>
        <translation>✓ QoS %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the colour of the selected subscription</source>
        <translation>更改所选订阅的颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Display as:</source>
        <translation>显示为(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribe and remove the selected subscription</source>
        <translation>取消订阅并移除所选订阅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove subscription</source>
        <translation>移除订阅</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>You are already subscribed to &quot;%1&quot;.</source>
        <translation>您已订阅“%1”。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Subscription colour</source>
        <translation>订阅颜色</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SubscriptionPersistence</name>
    <message>
        <location filename="../ui/subscriptions/subscription_persistence.cpp" line="+78"/>
        <source>The subscriptions could not be saved with the connection: %1</source>
        <translation>订阅无法随连接保存：%1</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>The saved subscriptions could not be read: %1</source>
        <translation>无法读取已保存的订阅：%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SubscriptionTraffic</name>
    <message>
        <location filename="../core/session/subscription_traffic.cpp" line="+52"/>
        <source>The connection closed before the server acknowledged the subscription.</source>
        <translation>服务器确认订阅之前连接已关闭。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The connection closed before the server acknowledged the unsubscription.</source>
        <translation>服务器确认取消订阅之前连接已关闭。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelled: the connection was closed by you.</source>
        <translation>已取消：你关闭了连接。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not connected: connect before subscribing.</source>
        <translation>未连接：请先连接再订阅。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not connected: connect before unsubscribing.</source>
        <translation>未连接：请先连接再取消订阅。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All 65,535 packet identifiers are in use; try again when messages in flight are acknowledged.</source>
        <translation>全部 65,535 个报文标识符都在使用中；请等待传输中的消息被确认后再试。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>All 65,535 packet identifiers are in use; try again later.</source>
        <translation>全部 65,535 个报文标识符都在使用中；请稍后再试。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The server&apos;s SUBACK did not answer every filter.</source>
        <translation>服务器的 SUBACK 没有回应每个主题过滤器。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>its SUBACK has %1 reason codes for %2 filters</source>
        <translation>它的 SUBACK 为 %2 个主题过滤器给出了 %1 个原因码</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The server&apos;s UNSUBACK did not answer every filter.</source>
        <translation>服务器的 UNSUBACK 没有回应每个主题过滤器。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>its UNSUBACK has %1 reason codes for %2 filters</source>
        <translation>它的 UNSUBACK 为 %2 个主题过滤器给出了 %1 个原因码</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SuiteClient</name>
    <message>
        <location filename="../core/suite/suite_client.cpp" line="+69"/>
        <source>The server closed the connection.</source>
        <translation>服务器关闭了连接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection was closed before it was established.</source>
        <translation>连接在建立之前已关闭。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SuiteProfileResolver</name>
    <message>
        <location filename="../ui/suite/suite_profile_resolver.cpp" line="+33"/>
        <source>The saved connections cannot be read: %1</source>
        <translation>无法读取已保存的连接：%1</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SuiteResult</name>
    <message>
        <location filename="../core/suite/suite_result.cpp" line="+19"/>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SuiteRunDialog</name>
    <message>
        <location filename="../ui/suite/suite_run_dialog.cpp" line="+127"/>
        <source>Run test suite — %1</source>
        <translation>运行测试套件 — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Suite file:</source>
        <translation>套件文件(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a test suite</source>
        <translation>打开测试套件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test suites (*.json);;All files (*)</source>
        <translation>测试套件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A suite file, e.g. docs/examples/smoke.suite.json</source>
        <translation>套件文件，例如 docs/examples/smoke.suite.json</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run against this connection&apos;s broker (%1:%2)</source>
        <translation>针对此连接的代理运行（%1:%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its address, transport, TLS and credentials replace those of the suite&apos;s own connections; client ids, wills and versions stay the suite&apos;s</source>
        <translation>用它的地址、传输方式、TLS 和凭据替换套件中连接的设置；客户端 ID、遗嘱和协议版本仍按套件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test or step</source>
        <translation>测试或步骤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tests and their steps</source>
        <translation>测试及其步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Details of the selected step:</source>
        <translation>所选步骤的详情(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;JUnit XML…</source>
        <translation>保存 JUnit XML(&amp;J)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a suite file; it runs at once.</source>
        <translation>选择一个套件文件，它会立即运行。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Stopped before the suite started.</source>
        <translation>已在套件开始之前停止。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not a valid test suite: %1</source>
        <translation>不是有效的测试套件：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 tests</source>
        <translation>%1：%2 个测试</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Reading the saved connections %1…</source>
        <translation>正在读取已保存的连接 %1…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Running %1…</source>
        <translation>正在运行 %1…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Passed: %1</source>
        <translation>通过：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Did not pass: %1</source>
        <translation>未通过：%1</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+6"/>
        <source>Save JUnit XML</source>
        <translation>保存 JUnit XML</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>JUnit XML (*.xml);;All files (*)</source>
        <translation>JUnit XML (*.xml);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JUnit XML saved to %1.</source>
        <translation>JUnit XML 已保存到 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::SuiteRunner</name>
    <message>
        <location filename="../core/suite/suite_runner.cpp" line="+82"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+34"/>
        <source>Not run: the run was stopped.</source>
        <translation>未运行：运行已停止。</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Marked &quot;skip&quot; in the suite.</source>
        <translation>在测试套件中标记为“skip”。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Not run: an earlier step did not pass.</source>
        <translation>未运行：之前的步骤未通过。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The suite has no connection &quot;%1&quot;.</source>
        <translation>测试套件中没有连接“%1”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is the saved connection &quot;%2&quot;, and saved connections cannot be used here.</source>
        <translation>“%1”是已保存的连接“%2”，此处不能使用已保存的连接。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cannot make the will: %1</source>
        <translation>无法创建遗嘱：%1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 is not connected: %2</source>
        <translation>%1 未连接：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not connected.</source>
        <translation>%1 未连接。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Cannot publish: %1</source>
        <translation>无法发布：%1</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>nothing on %1</source>
        <translation>%1 上没有消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>came while none was expected</source>
        <translation>在不应有消息时收到了消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A message came on %1, where none was expected for %2 ms.</source>
        <translation>在 %1 上收到了一条消息，而预期 %2 毫秒内不应有消息。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>any message</source>
        <translation>任意消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 messages on %2: %3</source>
        <translation>%2 上的 %1 条消息：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on %1: %2</source>
        <translation>在 %1 上：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The will did not arrive on %1 within %2 ms.</source>
        <translation>遗嘱未在 %2 毫秒内到达 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing arrived on %1 within %2 ms.</source>
        <translation>%2 毫秒内 %1 上没有收到任何消息。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 messages on %3 passed the checks within %4 ms.</source>
        <translation>%4 毫秒内，%3 上的 %2 条消息中有 %1 条通过检查。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No message on %1 passed the checks within %2 ms.</source>
        <translation>%2 毫秒内，%1 上没有消息通过检查。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>another topic</source>
        <translation>另一个主题</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The will client did not connect in time.</source>
        <translation>遗嘱客户端未能及时连接。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>No SUBACK for %1 within %2 ms.</source>
        <translation>%2 毫秒内未收到 %1 的 SUBACK。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1 did not connect in time.</source>
        <translation>%1 未能及时连接。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The publish was not acknowledged within %1 ms.</source>
        <translation>发布未在 %1 毫秒内得到确认。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 did not close within %2 ms.</source>
        <translation>%1 未在 %2 毫秒内关闭。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The will client cannot connect: %1</source>
        <translation>遗嘱客户端无法连接：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot connect %1: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The connection %1 was lost: %2</source>
        <translation>连接 %1 已断开：%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The server refused the subscription to %1: %2.</source>
        <translation>服务器拒绝了对 %1 的订阅：%2。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The server refused the message: %1.</source>
        <translation>服务器拒绝了该消息：%1。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::TemplateEditor</name>
    <message>
        <location filename="../ui/workbench/template_editor.cpp" line="+194"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template name</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. plant/{{device}}/cmd</source>
        <translation>例如 plant/{{device}}/cmd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QoS:</source>
        <translation>QoS：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MQTT 5 publish properties</source>
        <translation>MQTT 5 发布属性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. reply/{{client_id}}</source>
        <translation>例如 reply/{{client_id}}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text, sent as UTF-8 bytes, e.g. {{uuid}}</source>
        <translation>文本，以 UTF-8 字节发送，例如 {{uuid}}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name=value; other={{counter}}</source>
        <translation>name=value; other={{counter}}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload:</source>
        <translation>载荷：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. {&quot;n&quot;: {{counter}}, &quot;at&quot;: &quot;{{now}}&quot;, &quot;v&quot;: {{random 0 100}}}</source>
        <translation>例如 {&quot;n&quot;: {{counter}}, &quot;at&quot;: &quot;{{now}}&quot;, &quot;v&quot;: {{random 0 100}}}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transforms each message&apos;s payload with JavaScript before it is sent</source>
        <translation>在发送前用 JavaScript 转换每条消息的载荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Outgoing script</source>
        <translation>发送脚本</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Script:</source>
        <translation>脚本：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. return JSON.stringify({t: Date.now(), v: Math.random(), n: counter});</source>
        <translation>例如 return JSON.stringify({t: Date.now(), v: Math.random(), n: counter});</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>function (payload, topic, counter): return the payload to send</source>
        <translation>function (payload, topic, counter)：返回要发送的载荷</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>payload is the payload above with its variables expanded. Return a string, an object (sent as JSON) or bytes (a typed array). The script runs on a worker thread, 50 ms at most per message; the preview shows what it makes, or its error with the line.</source>
        <translation>payload 是上方展开变量后的载荷。返回字符串、对象（以 JSON 发送）或字节（类型化数组）。脚本在工作线程中运行，每条消息最多 50 ms；预览会显示其生成的结果，或显示错误及所在行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Topic problem</source>
        <translation>主题问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload problem</source>
        <translation>载荷问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Properties problem</source>
        <translation>属性问题</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>Properties (%1)</source>
        <translation>属性（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shows the MQTT 5 publish properties of the template</source>
        <translation>显示模板的 MQTT 5 发布属性</translation>
    </message>
</context>
<context>
    <name>mqttdesk::TemplateLibraryModel</name>
    <message>
        <location filename="../core/publish/template_library_model.cpp" line="+236"/>
        <source>No topic yet</source>
        <translation>尚无主题</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n 个模板</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, offered on every connection</source>
        <translation>%1，在所有连接上提供</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, offered on “%2” only</source>
        <translation>%1，仅在“%2”上提供</translation>
    </message>
</context>
<context>
    <name>mqttdesk::TemplateLibraryPane</name>
    <message>
        <location filename="../ui/workbench/template_library_pane.cpp" line="+163"/>
        <location line="+1"/>
        <source>Search templates</source>
        <translation>搜索模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the templates whose name, topic or payload (or whose collection&apos;s name) holds every word</source>
        <translation>显示名称、主题或载荷（或所属集合的名称）包含所有词语的模板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template library</source>
        <translation>模板库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New template, new collection, or the publish bar saved as a template</source>
        <translation>新建模板、新建集合，或将发布栏保存为模板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New template or collection</source>
        <translation>新建模板或集合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collection settings, counter, import and export</source>
        <translation>集合设置、计数器、导入和导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More library actions</source>
        <translation>更多模板库操作</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+99"/>
        <location line="+25"/>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>New template in the selected collection</source>
        <translation>在所选集合中新建模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New collection…</source>
        <translation>新建集合…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New collection of templates, with its variables</source>
        <translation>新建模板集合及其变量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save publish bar as template</source>
        <translation>将发布栏保存为模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saves what the publish bar holds (topic, QoS, retain, format, payload, properties) as a new template</source>
        <translation>将发布栏的内容（主题、QoS、保留、格式、载荷、属性）保存为新模板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy of the selected template, right after it</source>
        <translation>所选模板的副本，紧随其后</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+140"/>
        <location line="+18"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Delete the selected template or collection (Delete)</source>
        <translation>删除所选的模板或集合（Delete）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collection settings…</source>
        <translation>集合设置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, connection and variables of the collection</source>
        <translation>集合的名称、连接和变量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset counter</source>
        <translation>重置计数器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Puts {{counter}} of the selected template back to 1</source>
        <translation>将所选模板的 {{counter}} 重置为 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds the collections of a JSON file; one already here (the same id) is replaced</source>
        <translation>添加 JSON 文件中的集合；已存在的同一集合（相同 id）会被替换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export collection…</source>
        <translation>导出集合…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes the selected collection to a JSON file to share</source>
        <translation>将所选集合写入 JSON 文件以便共享</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export all…</source>
        <translation>全部导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes every collection to a JSON file to share</source>
        <translation>将所有集合写入 JSON 文件以便共享</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The collection “%1” is bound to another connection: it is not shown here.</source>
        <translation>集合“%1”绑定到另一个连接：此处不显示。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New collection</source>
        <translation>新建集合</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>My templates</source>
        <translation>我的模板</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The publish bar&apos;s user properties are not saved: %1</source>
        <translation>发布栏的用户属性未保存：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the template “%1”?</source>
        <translation>删除模板“%1”？</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete the collection “%1”?</source>
        <translation>删除集合“%1”？</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete the collection “%1” and its %n template(s)?</source>
        <translation>
            <numerusform>删除集合“%1”及其 %n 个模板？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete collection</source>
        <translation>删除集合</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{{counter}} starts again at 1.</source>
        <translation>{{counter}} 将重新从 1 开始。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::TemplateLibraryStore</name>
    <message>
        <location filename="../core/publish/template_library_store.cpp" line="+38"/>
        <source>%1
The app goes on with an empty template library and leaves that file as it is; templates you add now are not saved until the file is fixed or moved away and the app restarted.</source>
        <translation>%1
应用将以空的模板库继续运行，并保持该文件不变；在修复或移走该文件并重启应用之前，现在添加的模板不会被保存。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The templates are not saved: %1 could not be read when the app started, and it is not overwritten.</source>
        <translation>模板未保存：应用启动时无法读取 %1，因此不会覆盖它。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::TemplatePreview</name>
    <message>
        <location filename="../ui/workbench/template_preview.cpp" line="+33"/>
        <source>expiry %1 s</source>
        <translation>过期 %1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>format indicator %1</source>
        <translation>格式指示 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>content type %1</source>
        <translation>内容类型 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>response topic %1</source>
        <translation>响应主题 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>correlation %1</source>
        <translation>关联 %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Preview of the next message</source>
        <translation>下一条消息的预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic sent:</source>
        <translation>发送的主题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload sent:</source>
        <translation>发送的载荷：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expanded topic</source>
        <translation>展开后的主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expanded payload</source>
        <translation>展开后的载荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expanded properties</source>
        <translation>展开后的属性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message check</source>
        <translation>消息检查</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Select a template to see the message it sends.</source>
        <translation>选择一个模板以查看它发送的消息。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing can be sent until the template&apos;s errors are fixed.</source>
        <translation>修复模板的错误之前无法发送任何内容。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{{counter}} = %1 · %2 bytes on the wire</source>
        <translation>{{counter}} = %1 · 线路上 %2 字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · made by the script</source>
        <translation>%1 · 由脚本生成</translation>
    </message>
</context>
<context>
    <name>mqttdesk::TimeFilterButton</name>
    <message>
        <location filename="../ui/stream/time_filter_button.cpp" line="+79"/>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from %1</source>
        <translation>%1 起</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+3"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Time: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump to a time, or show only the messages of a time range</source>
        <translation>跳转到某一时间，或只显示某个时间范围内的消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only messages received %1 are shown</source>
        <translation>只显示 %1 收到的消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time range: %1</source>
        <translation>时间范围：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Jump to time…</source>
        <translation>跳转到时间(&amp;J)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time &amp;range…</source>
        <translation>时间范围(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;all times</source>
        <translation>显示全部时间(&amp;A)</translation>
    </message>
</context>
<context>
    <name>mqttdesk::TimeRangeDialog</name>
    <message>
        <location filename="../ui/stream/time_range_dialog.cpp" line="+54"/>
        <source>15 minutes</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>24 hours</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last %1</source>
        <translation>最近 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From:</source>
        <translation>起始(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>结束(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start of the time range</source>
        <translation>时间范围的开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End of the time range</source>
        <translation>时间范围的结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unticked: from the oldest stored message</source>
        <translation>不勾选：从最早存储的消息开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unticked: up to the newest message, live ones included</source>
        <translation>不勾选：直到最新消息，包括实时到达的消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last:</source>
        <translation>最近：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>The start is after the end: no message can match.</source>
        <translation>开始时间晚于结束时间：没有消息能匹配。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::TimedPublishDialog</name>
    <message>
        <location filename="../ui/workbench/timed_publish_dialog.cpp" line="+67"/>
        <source>Send repeatedly</source>
        <translation>重复发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Interval:</source>
        <translation>间隔(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Messages:</source>
        <translation>消息数(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Jitter:</source>
        <translation>抖动(&amp;J)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On &amp;disconnect:</source>
        <translation>断开连接时(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>As fast as flow control allows</source>
        <translation>以流控允许的最快速度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The time between two messages, down to 1 ms. At 0 the next message goes as soon as the connection takes it: QoS 1 and 2 wait for the broker&apos;s acknowledgements.</source>
        <translation>两条消息之间的时间，最小 1 毫秒。为 0 时，只要连接能接收就立即发送下一条：QoS 1 和 2 会等待代理的确认。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Until stopped</source>
        <translation>直到停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many messages to send; 0 sends until the job is stopped. Variables expand for each message, so {{counter}} counts.</source>
        <translation>要发送的消息数；为 0 时一直发送直到任务停止。变量会针对每条消息展开，因此 {{counter}} 会递增。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each interval moves by up to this much earlier or later, at random. Only with an interval.</source>
        <translation>每个间隔随机提前或推迟最多这么多时间。仅在设置了间隔时有效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the job</source>
        <translation>停止任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause, and resume when reconnected</source>
        <translation>暂停，重新连接后继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the job does when the connection closes</source>
        <translation>连接关闭时任务的处理方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jitter</source>
        <translation>抖动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On disconnect</source>
        <translation>断开连接时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts sending; the job shows in the list of timed sends</source>
        <translation>开始发送；该任务会显示在定时发送列表中</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>Sends %Ln message(s) as fast as flow control allows.</source>
        <translation>
            <numerusform>以流控允许的最快速度发送 %Ln 条消息。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends until stopped, as fast as flow control allows.</source>
        <translation>以流控允许的最快速度发送，直到停止。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Sends %Ln message(s), one every %1 ms.</source>
        <translation>
            <numerusform>发送 %Ln 条消息，每 %1 毫秒一条。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends a message every %1 ms until stopped.</source>
        <translation>每 %1 毫秒发送一条消息，直到停止。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each interval varies by up to %1 ms.</source>
        <translation>每个间隔最多变化 %1 毫秒。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A disconnect pauses it until the connection is back.</source>
        <translation>断开连接时暂停，直到连接恢复。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A disconnect stops it.</source>
        <translation>断开连接时停止。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::TlsPage</name>
    <message>
        <location filename="../ui/dialogs/tls_page.cpp" line="+87"/>
        <source>Trust the &amp;system CA certificates</source>
        <translation>信任系统 CA 证书(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify the server certificate</source>
        <translation>验证服务器证书(&amp;V)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>TLS applies to mqtts:// and wss:// only; choose one of them on the General tab to use these settings.</source>
        <translation>TLS 仅适用于 mqtts:// 和 wss://；请在“常规”页选择其中之一以使用这些设置。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer *.der);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the client certificate</source>
        <translation>选择客户端证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>PEM or DER; drop a file here</source>
        <translation>PEM 或 DER；可将文件拖放到这里</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Private keys (*.key *.pem *.der);;All files (*)</source>
        <translation>私钥 (*.key *.pem *.der);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the private key</source>
        <translation>选择私钥</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PKCS#12 bundles (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 文件 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a PKCS#12 bundle</source>
        <translation>选择 PKCS#12 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>instead of certificate and key</source>
        <translation>代替证书和私钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only for an encrypted key</source>
        <translation>仅用于加密的私钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comma separated, e.g. mqtt</source>
        <translation>以逗号分隔，例如 mqtt</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Insecure: the server is not verified, so anyone can pretend to be this broker.</source>
        <translation>不安全：未验证服务器，任何人都可以冒充该服务器。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write TLS session keys to a key log &amp;file (for Wireshark)</source>
        <translation>将 TLS 会话密钥写入密钥日志文件（供 Wireshark 使用）(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anyone with this file can decrypt the traffic of this connection. Turn it off when the capture is done. Not available for wss://.</source>
        <translation>任何拿到此文件的人都能解密此连接的流量。抓包完成后请关闭此选项。不适用于 wss://。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key log files (*.log *.txt);;All files (*)</source>
        <translation>密钥日志文件 (*.log *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the TLS key log file</source>
        <translation>选择 TLS 密钥日志文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file the keys are appended to</source>
        <translation>密钥将追加写入的文件</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>C&amp;A files:</source>
        <translation>CA 文件(&amp;A)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client &amp;certificate:</source>
        <translation>客户端证书(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private &amp;key:</source>
        <translation>私钥(&amp;K)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key pass&amp;phrase:</source>
        <translation>私钥口令(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PKCS#&amp;12 bundle:</source>
        <translation>PKCS#12 文件(&amp;1)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PKCS#12 pass&amp;word:</source>
        <translation>PKCS#12 密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Minimum TLS version:</source>
        <translation>最低 TLS 版本(&amp;M)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server &amp;name (SNI):</source>
        <translation>服务器名称 (SNI)(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;LPN protocols:</source>
        <translation>ALPN 协议(&amp;L)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key lo&amp;g file:</source>
        <translation>密钥日志文件(&amp;G)：</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Private key (the passphrase is in the keychain)</source>
        <translation>私钥（口令保存在钥匙串中）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Private key (%1)</source>
        <translation>私钥（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>PKCS#12 bundle (the password is in the keychain)</source>
        <translation>PKCS#12 文件（密码保存在钥匙串中）</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+4"/>
        <source>saved in the keychain; type to replace</source>
        <translation>已保存在钥匙串中；输入新值以替换</translation>
    </message>
</context>
<context>
    <name>mqttdesk::TlsTransport</name>
    <message>
        <location filename="../core/transport/tls_transport.cpp" line="+103"/>
        <source>SSLKEYLOGFILE is set: the TLS session keys are written to %1; anyone with this file can decrypt the traffic.</source>
        <translation>已设置 SSLKEYLOGFILE：TLS 会话密钥会写入 %1；任何拿到此文件的人都能解密流量。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TLS session keys are written to %1; anyone with this file can decrypt the traffic.</source>
        <translation>TLS 会话密钥会写入 %1；任何拿到此文件的人都能解密流量。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The TLS handshake wrote no session keys to %1.</source>
        <translation>TLS 握手没有向 %1 写入任何会话密钥。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::TopicDetailPanel</name>
    <message>
        <location filename="../ui/topictree/topic_detail_panel.cpp" line="+113"/>
        <source>Open in viewer</source>
        <translation>在查看器中打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole payload of this message in the payload viewer</source>
        <translation>在载荷查看器中显示此消息的完整载荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sho&amp;w in stream</source>
        <translation>在消息流中显示(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the stream to this exact topic</source>
        <translation>将消息流筛选为此确切主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show subtree in stream</source>
        <translation>在消息流中显示子树</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the stream to this topic and every topic below it</source>
        <translation>将消息流筛选为此主题及其下的所有主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent messages on this topic</source>
        <translation>此主题上的最近消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload of the selected message</source>
        <translation>所选消息的载荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load o&amp;lder</source>
        <translation>加载更早的(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Load the next %n older message(s) on this topic</source>
        <translation>
            <numerusform>加载此主题上接下来 %n 条更早的消息</numerusform>
        </translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not read the history: %1</source>
        <translation>无法读取历史记录：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 R</source>
        <translation>%1 R</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n message(s) loaded</source>
        <translation>
            <numerusform>已加载 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>retained</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>published by you</source>
        <translation>由你发布</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The stored properties cannot be read.</source>
        <translation>无法读取已保存的属性。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>… (open in the viewer to see all %1)</source>
        <translation>…（在查看器中打开以查看全部 %1）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Could not read the payload: %1</source>
        <translation>无法读取载荷：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select a topic to see its last message and recent history.</source>
        <translation>选择一个主题以查看其最新消息和最近历史。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 messages here and below</source>
        <translation>此处及以下共 %1 条消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on this topic</source>
        <translation>此主题上 %1 条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 msg/s on this topic</source>
        <translation>此主题上 %1 条/秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 msg/s</source>
        <translation>%1 条/秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>holds a retained message</source>
        <translation>持有保留消息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No message was received on this exact topic; it is a level of the topics below it.</source>
        <translation>此确切主题上未收到消息；它是其下主题的一个层级。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::TopicTreeModel</name>
    <message>
        <location filename="../core/topictree/topic_tree_model.cpp" line="+71"/>
        <source>⟨empty⟩</source>
        <translation>⟨空⟩</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 on this topic, %2 with the topics below</source>
        <translation>此主题上 %1 条，含下级主题共 %2 条</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 msg/s on this topic, %2 msg/s with the topics below</source>
        <translation>此主题上 %1 条/秒，连同其下主题共 %2 条/秒</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The broker holds a retained message for this topic</source>
        <translation>代理为此主题保留了一条消息</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>msg/s</source>
        <translation>条/秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last</source>
        <translation>最近</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retained</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last value</source>
        <translation>最新值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Messages on the topic and every topic below it</source>
        <translation>此主题及其下所有主题上的消息</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Messages per second over the last %n second(s), with the topics below</source>
        <translation>
            <numerusform>最近 %n 秒内每秒的消息数（含下级主题）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time since the last message here or below</source>
        <translation>距此处或下级最近一条消息的时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R: the broker holds a retained message for the topic</source>
        <translation>R：代理为该主题保留了一条消息</translation>
    </message>
</context>
<context>
    <name>mqttdesk::TopicTreeView</name>
    <message>
        <location filename="../ui/topictree/topic_tree_view.cpp" line="+128"/>
        <source>Filt&amp;er:</source>
        <translation>筛选(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. sensors/+/temp, # or any text</source>
        <translation>例如 sensors/+/temp、# 或任意文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A topic filter with + and # wildcards, or text that the topic contains; the levels above each match stay visible</source>
        <translation>带 + 和 # 通配符的主题过滤器，或主题包含的文本；每个匹配项的上级层级保持可见</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sort &amp;by:</source>
        <translation>排序依据(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last activity</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand</source>
        <translation>展开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand or collapse the tree</source>
        <translation>展开或折叠树</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand or collapse</source>
        <translation>展开或折叠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collapse all</source>
        <translation>全部折叠</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expand to level %1</source>
        <translation>展开到第 %1 层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snapshots…</source>
        <translation>快照…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take snapshots of the retained messages and compare them with each other or with a broker now</source>
        <translation>为保留消息拍摄快照，并将快照相互比较或与代理的当前状态比较</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>Show in stream</source>
        <translation>在消息流中显示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show subtree in stream</source>
        <translation>在消息流中显示子树</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy topic</source>
        <translation>复制主题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chart this</source>
        <translation>绘制图表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chart this…</source>
        <translation>绘制图表…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chart subtree…</source>
        <translation>为子树绘制图表…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clear retained…</source>
        <translation>清除保留消息…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Clear retained in subtree (%n topic(s))…</source>
        <translation>
            <numerusform>清除子树中的保留消息（%n 个主题）…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Snapshot and compare subtree…</source>
        <translation>为子树拍摄快照并比较…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect to clear retained messages</source>
        <translation>连接后才能清除保留消息</translation>
    </message>
    <message numerus="yes">
        <location line="+90"/>
        <source>%Ln topic(s)</source>
        <translation>
            <numerusform>%Ln 个主题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttdesk::Transport</name>
    <message>
        <location filename="../core/transport/transport.cpp" line="+28"/>
        <source>No port given: enter the broker&apos;s port (1883 for MQTT, 8883 for MQTT over TLS).</source>
        <translation>未指定端口：请输入服务器端口（MQTT 为 1883，基于 TLS 的 MQTT 为 8883）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No host given: enter the broker&apos;s host name or address.</source>
        <translation>未指定主机：请输入服务器的主机名或地址。</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>No connection to %1 within %2 s: the server or proxy did not answer in time.</source>
        <translation>%2 秒内未能连接到 %1：服务器或代理没有及时响应。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::VariablesTable</name>
    <message>
        <location filename="../ui/widgets/variables_table.cpp" line="+128"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds a variable and starts editing its name</source>
        <translation>添加一个变量并开始编辑其名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add variable</source>
        <translation>添加变量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes the selected variables</source>
        <translation>移除所选变量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove variable</source>
        <translation>移除变量</translation>
    </message>
</context>
<context>
    <name>mqttdesk::WebSocketTransport</name>
    <message>
        <location filename="../core/transport/web_socket_transport.cpp" line="+172"/>
        <source>The server accepted the WebSocket upgrade without naming the &quot;mqtt&quot; subprotocol [MQTT-6.0.0-4]; carrying on.</source>
        <translation>服务器接受了 WebSocket 升级，但未指明“mqtt”子协议 [MQTT-6.0.0-4]；继续连接。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server refused the WebSocket upgrade on %1 with HTTP status %2. Check the path and that this port serves MQTT over WebSocket.</source>
        <translation>服务器以 HTTP 状态码 %2 拒绝了 %1 上的 WebSocket 升级。请检查路径，并确认该端口提供基于 WebSocket 的 MQTT。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>WebSocket close code %1.</source>
        <translation>WebSocket 关闭码 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket close code %1: %2</source>
        <translation>WebSocket 关闭码 %1：%2</translation>
    </message>
</context>
<context>
    <name>mqttdesk::WillPage</name>
    <message>
        <location filename="../ui/dialogs/will_page.cpp" line="+60"/>
        <source>&amp;Send a last will when the connection is lost</source>
        <translation>连接断开时发送遗嘱消息(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retain</source>
        <translation>保留(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires after</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The payload is UTF-&amp;8 text (payload format indicator)</source>
        <translation>载荷为 UTF-8 文本（载荷格式指示）(&amp;8)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0 — at most once</source>
        <translation>0 — 最多一次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 — at least once</source>
        <translation>1 — 至少一次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 — exactly once</source>
        <translation>2 — 恰好一次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. devices/desk/status</source>
        <translation>例如：devices/desk/status</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. application/json</source>
        <translation>例如：application/json</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hex bytes, e.g. 01 a2 ff</source>
        <translation>十六进制字节，例如 01 a2 ff</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Topic:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;QoS:</source>
        <translation>QoS(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload &amp;format:</source>
        <translation>载荷格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Payload:</source>
        <translation>载荷(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Will &amp;delay:</source>
        <translation>遗嘱延迟(&amp;D)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Message e&amp;xpiry:</source>
        <translation>消息过期(&amp;X)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message expiry in seconds</source>
        <translation>消息过期时间（秒）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Content type:</source>
        <translation>内容类型(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Res&amp;ponse topic:</source>
        <translation>响应主题(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Co&amp;rrelation data:</source>
        <translation>对比数据(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;User properties:</source>
        <translation>用户属性(&amp;U)：</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>The will payload is not valid hex: use pairs of digits 0-9, a-f.</source>
        <translation>遗嘱载荷不是有效的十六进制：请使用成对的 0-9、a-f 数字。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The will payload is not valid Base64.</source>
        <translation>遗嘱载荷不是有效的 Base64。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The will payload is not valid JSON: %1</source>
        <translation>遗嘱载荷不是有效的 JSON：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The correlation data is not valid hex: use pairs of digits 0-9, a-f.</source>
        <translation>对比数据不是有效的十六进制：请使用成对的 0-9、a-f 数字。</translation>
    </message>
</context>
<context>
    <name>mqttdesk::WorkbenchPage</name>
    <message>
        <location filename="../ui/workbench/workbench_page.cpp" line="+201"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish the template&apos;s next message once (Ctrl+Return, or Return in the library)</source>
        <translation>发布模板的下一条消息一次（Ctrl+Return，或在模板库中按 Return）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send repeatedly…</source>
        <translation>重复发送…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send as request</source>
        <translation>作为请求发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Publish the template with a response topic and correlation data, wait for the reply and show it with the round-trip time (options in the Requests tab)</source>
        <translation>携带响应主题和关联数据发布该模板，等待回复并连同往返时间一起显示（选项位于“请求”标签页）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timed sends</source>
        <translation>定时发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timed sends and requests</source>
        <translation>定时发送和请求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send status</source>
        <translation>发送状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template library problem</source>
        <translation>模板库问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template and preview</source>
        <translation>模板和预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template editor</source>
        <translation>模板编辑器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish the template again and again: every so often, a number of times or until stopped</source>
        <translation>反复发布模板：定期发送，可指定次数或直到停止</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>No templates yet. Save the publish bar as a template, or make a collection and a template with New.</source>
        <translation>还没有模板。请将发布栏保存为模板，或用“新建”创建集合和模板。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a template to edit it, preview its next message and send it.</source>
        <translation>选择一个模板以编辑它、预览其下一条消息并发送。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Select a template to send.</source>
        <translation>请选择要发送的模板。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+62"/>
        <source>Not connected: connect first to send this template.</source>
        <translation>未连接：请先连接再发送此模板。</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Running the script of “%1”…</source>
        <translation>正在运行“%1”的脚本…</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+25"/>
        <source>Sent “%1” to %2 ({{counter}} was %3).</source>
        <translation>已将“%1”发送到 %2（{{counter}} 为 %3）。</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>“%1” was not sent: %2</source>
        <translation>“%1”未发送：%2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>A template with a script cannot be sent as a request yet: use Send, or remove the script.</source>
        <translation>带脚本的模板暂时无法作为请求发送：请使用“发送”，或移除脚本。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sent “%1” as a request: waiting for the reply.</source>
        <translation>已将“%1”作为请求发送：正在等待回复。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Sending “%1” repeatedly: %2</source>
        <translation>正在重复发送“%1”：%2</translation>
    </message>
</context>
</TS>
