# cmake -DUI_DIR=<dir> -P CheckNoSqlInUi.cmake
# Fails when a C++ file under UI_DIR includes or names QtSql, sqlite3, Database or
# DatabaseConnection: the UI holds widgets and models over core state, storage stays in core
# (run as the ctest `ui_has_no_sql`).
if(NOT UI_DIR OR NOT IS_DIRECTORY "${UI_DIR}")
    message(FATAL_ERROR "UI_DIR is not a directory: '${UI_DIR}'")
endif()
file(GLOB_RECURSE sources "${UI_DIR}/*.cpp" "${UI_DIR}/*.h")
if(NOT sources)
    message(FATAL_ERROR "no C++ files under ${UI_DIR}")
endif()
set(word "[^A-Za-z0-9_]")
set(forbidden
    "QtSql"
    "(^|${word})QSql[A-Za-z]*"
    "sqlite3"
    "(^|${word})(Database|DatabaseConnection)(${word}|$)"
    "core/storage/database(_connection)?\\.h")
set(problems "")
foreach(source IN LISTS sources)
    file(STRINGS "${source}" lines)
    foreach(line IN LISTS lines)
        foreach(pattern IN LISTS forbidden)
            if(line MATCHES "${pattern}")
                string(APPEND problems "\n  ${source}: ${line}")
                break()
            endif()
        endforeach()
    endforeach()
endforeach()
list(LENGTH sources count)
if(problems)
    message(FATAL_ERROR "SQL in the UI (storage belongs in core/):${problems}")
endif()
message(STATUS "${count} UI files, none touches SQL")
