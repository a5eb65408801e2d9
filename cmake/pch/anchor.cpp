// The one source of the precompiled-header donor libraries (cmake/MqttDesk.cmake): a target
// needs a source for CMake to build its precompiled header, which the tests then reuse.
