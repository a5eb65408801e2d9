# Shared helpers for the project's targets.

# Precompiled Qt headers for the ui library and the tests (mqttdesk_test_pch below).
option(MQTTDESK_PCH "Precompile the Qt headers of mqttdesk_ui and of the tests" ON)

# Strict warnings on our own code only (Qt headers come in as system includes).
function(mqttdesk_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
endfunction()

# mqttdesk_add_test(NAME name SOURCES ... [LIBS ...] [LABELS ...] [TIMEOUT s])
# A Qt Test executable registered with ctest. Label `core` marks headless tests (`ctest -L
# core`); GUI tests run on the offscreen platform. Every test runs in the sanitizer build.
function(mqttdesk_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    # Qt6::Network for every test: QtTest's header tests QT_NETWORK_LIB, and one definition
    # for all lets the tests share one precompiled header (mqttdesk_test_pch).
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test Qt6::Network ${T_LIBS})
    mqttdesk_warnings(${T_NAME})
    set_property(GLOBAL APPEND PROPERTY MQTTDESK_TEST_TARGETS ${T_NAME})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${T_LABELS}"
        TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;MQTTDESK_SOURCE_DIR=${CMAKE_SOURCE_DIR};ASAN_OPTIONS=detect_leaks=1:abort_on_error=1;LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/sanitizer/lsan.supp:print_suppressions=0;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
endfunction()

# Whether `target` links `qt_target` (e.g. Qt6::Widgets), directly or through its libraries.
function(mqttdesk_links target qt_target result)
    set(queue ${target})
    set(seen "")
    set(found FALSE)
    while(queue)
        list(POP_FRONT queue item)
        if(item IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${item})
        string(REGEX REPLACE "^Qt::" "Qt6::" item_name "${item}")
        if(item_name STREQUAL qt_target)
            set(found TRUE)
            break()
        endif()
        if(NOT TARGET ${item})
            continue()
        endif()
        get_target_property(links ${item} INTERFACE_LINK_LIBRARIES)
        get_target_property(type ${item} TYPE)
        if(NOT type STREQUAL "INTERFACE_LIBRARY")
            get_target_property(own_links ${item} LINK_LIBRARIES)
            if(own_links)
                list(APPEND links ${own_links})
            endif()
        endif()
        foreach(link IN LISTS links)
            # $<LINK_ONLY:x> is still a link; other generator expressions are not followed.
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
            if(link AND NOT link MATCHES "^\\$<" AND NOT link MATCHES "-NOTFOUND$")
                list(APPEND queue ${link})
            endif()
        endforeach()
    endwhile()
    set(${result} ${found} PARENT_SCOPE)
endfunction()

# Precompiled Qt headers for the tests, built twice (once without and once with QtWidgets,
# whose definition changes what QtTest's header declares) and reused by every test: the test
# files are more than half of the build, and most of each one's time went into parsing the
# same Qt headers. -Winvalid-pch (an error here) proves each test really uses it. Called once,
# after every test is defined. MQTTDESK_PCH=OFF turns it off (e.g. to time the difference).
function(mqttdesk_test_pch)
    get_property(tests GLOBAL PROPERTY MQTTDESK_TEST_TARGETS)
    if(NOT MQTTDESK_PCH OR NOT tests)
        return()
    endif()
    # QtTest defines the test's own build and source folders (for QFINDTESTDATA, which no test
    # here uses); one value for all is what lets them share the header.
    set(pch_options -UQT_TESTCASE_BUILDDIR -UQT_TESTCASE_SOURCEDIR -Winvalid-pch)
    foreach(kind core ui)
        if(kind STREQUAL "ui" AND NOT TARGET Qt6::Widgets)
            continue()
        endif()
        set(donor mqttdesk_test_pch_${kind})
        add_library(${donor} STATIC ${PROJECT_SOURCE_DIR}/cmake/pch/anchor.cpp)
        target_link_libraries(${donor} PRIVATE Qt6::Test Qt6::Network)
        if(kind STREQUAL "ui")
            target_link_libraries(${donor} PRIVATE Qt6::Widgets)
        endif()
        set_target_properties(${donor} PROPERTIES AUTOMOC OFF)
        target_precompile_headers(${donor} PRIVATE ${PROJECT_SOURCE_DIR}/cmake/pch/test_${kind}.h)
        target_compile_options(${donor} PRIVATE ${pch_options})
        mqttdesk_warnings(${donor})
    endforeach()
    foreach(test IN LISTS tests)
        mqttdesk_links(${test} Qt6::Widgets widgets)
        if(widgets)
            set(donor mqttdesk_test_pch_ui)
        else()
            mqttdesk_links(${test} Qt6::Gui gui)
            if(gui)
                continue() # QtGui without QtWidgets: none of the two headers fits
            endif()
            set(donor mqttdesk_test_pch_core)
        endif()
        target_precompile_headers(${test} REUSE_FROM ${donor})
        # A test's moc output is included by its own file; the generated one is empty, and
        # loading the header would make it cost a second instead of nothing.
        get_target_property(binary_dir ${test} BINARY_DIR)
        set_source_files_properties(${binary_dir}/${test}_autogen/mocs_compilation.cpp
                                    TARGET_DIRECTORY ${test} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
        target_compile_options(${test} PRIVATE ${pch_options})
    endforeach()
endfunction()
