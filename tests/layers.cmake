# layers.cmake — which files may include which outside library's header:
# libical only under src/io, sqlite3.h (and the model's db_sql.h) only under src/model, curses only
# under src/ui, yaml.h only under src/config; and the keymap's shape
# (rapport/keymap.h) only under src/config and src/ui. Run at configure time (a
# breach stops the build) and as the ctest "layers" (cmake -DSRC=DIR -P
# layers.cmake), which fails on the same breach.
function(rapport_check_layers src out)
  # home directory, then the pattern of the include, then why
  set(homes model ui config "(config|ui)" io)
  set(res "#include[ \t]*[<\"](sqlite3\\.h|model/db_sql\\.h)[>\"]"
          "#include[ \t]*[<\"]n?cursesw?(/curses)?\\.h[>\"]"
          "#include[ \t]*[<\"]yaml\\.h[>\"]"
          "#include[ \t]*[<\"]rapport/keymap\\.h[>\"]"
          "#include[ \t]*[<\"]libical/ical\\.h[>\"]")
  set(whys "sqlite3.h is private to src/model: call a model function instead"
           "curses belongs to src/ui" "libyaml belongs to src/config"
           "the keymap is the config's and the screen's: the model names actions, never keys"
           "libical belongs to src/io")
  file(GLOB_RECURSE files ${src}/src/*.c ${src}/src/*.h ${src}/include/*.h)
  set(bad "")
  foreach(i RANGE 4)
    list(GET homes ${i} home)
    list(GET res ${i} re)
    list(GET whys ${i} why)
    foreach(f IN LISTS files)
      file(RELATIVE_PATH rel ${src} ${f})
      if(rel MATCHES "^src/${home}/")
        continue()
      endif()
      file(STRINGS ${f} hits REGEX "${re}")
      if(hits)
        list(APPEND bad "${rel}: ${hits}: ${why}")
      endif()
    endforeach()
  endforeach()
  set(${out} "${bad}" PARENT_SCOPE)
endfunction()

if(CMAKE_SCRIPT_MODE_FILE)
  rapport_check_layers(${SRC} bad)
  if(bad)
    string(REPLACE ";" "\n" bad "${bad}")
    message(FATAL_ERROR "layers: an outside library's header outside its layer:\n${bad}")
  endif()
  message(STATUS "layers: every outside header is included only in its layer")
else()
  rapport_check_layers(${CMAKE_SOURCE_DIR} bad)
  if(bad)
    string(REPLACE ";" "\n" bad "${bad}")
    message(FATAL_ERROR "layers: an outside library's header outside its layer:\n${bad}")
  endif()
endif()
