# What `cmake --install` puts where, and the .deb CPack builds from the same rules
# (`cpack -G DEB` in the build directory; tests/packaging/deb_test.sh builds and installs it).
#
#   <libdir>/odbc/libmondayodbc.so          the driver (Debian: lib/<multiarch>/odbc, as unixODBC's
#                                            own drivers in odbc-postgresql, odbc-mariadb ...)
#   share/doc/monday-odbc/                  README.md, docs/*.md, odbc.ini.sample
#   share/monday-odbc/                      odbcinst.ini.template, register-driver.sh
include(GNUInstallDirs)

# GNUInstallDirs uses lib/<multiarch> only for the /usr prefix; the package is built for /usr
# while the build directory usually keeps the default /usr/local prefix, so pick the multiarch
# directory whenever the toolchain knows it (Debian's loader searches /usr/local/lib/<multiarch> too).
set(_monday_libdir "${CMAKE_INSTALL_LIBDIR}")
if(CMAKE_LIBRARY_ARCHITECTURE AND _monday_libdir STREQUAL "lib")
  set(_monday_libdir "lib/${CMAKE_LIBRARY_ARCHITECTURE}")
endif()
set(MONDAY_ODBC_DRIVER_INSTALL_DIR "${_monday_libdir}/odbc" CACHE STRING
    "Where the driver library is installed, relative to the install prefix")
set(MONDAY_ODBC_DOC_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/doc/monday-odbc")
set(MONDAY_ODBC_DATA_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/monday-odbc")

install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${MONDAY_ODBC_DOC_INSTALL_DIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${MONDAY_ODBC_DOC_INSTALL_DIR}
        FILES_MATCHING PATTERN "*.md")
install(FILES ${PROJECT_SOURCE_DIR}/installer/odbc.ini.sample DESTINATION ${MONDAY_ODBC_DOC_INSTALL_DIR})
install(PROGRAMS ${PROJECT_SOURCE_DIR}/installer/register-driver.sh DESTINATION ${MONDAY_ODBC_DATA_INSTALL_DIR})
# The template names the installed library, so it is written at install time, when the prefix
# (the package's /usr, or whatever --prefix says) is final.
install(CODE "
  set(_library \"\${CMAKE_INSTALL_PREFIX}/${MONDAY_ODBC_DRIVER_INSTALL_DIR}/libmondayodbc.so\")
  file(WRITE \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${MONDAY_ODBC_DATA_INSTALL_DIR}/odbcinst.ini.template\"
       \"[monday]\\nDescription=monday.com ODBC driver\\nDriver=\${_library}\\nSetup=\\n\")
  message(STATUS \"Installing: \$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${MONDAY_ODBC_DATA_INSTALL_DIR}/odbcinst.ini.template\")
")

# The Debian package. Installed under /usr; the maintainer scripts register the driver with
# odbcinst (through register-driver.sh, as installer/quickstart.sh does) and unregister it on removal.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "monday-odbc")
set(CPACK_PACKAGE_VENDOR "monday-odbc contributors")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "ODBC driver for monday.com")
set(CPACK_PACKAGE_DESCRIPTION
    "Boards, items, users and workspaces of monday.com as SQL tables for any ODBC application\n(isql, pyodbc, BI tools), through unixODBC. Registers the driver \"monday\" with odbcinst.")
set(CPACK_PACKAGE_CONTACT "monday-odbc maintainers <monday-odbc@users.noreply.github.com>")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# DESTDIR staging keeps CMAKE_INSTALL_PREFIX = /usr during packaging, so the template says /usr.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_PACKAGE_SECTION "database")
# RelWithDebInfo builds carry ~250 MB of debug info; the package ships the stripped library.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Library dependencies (libcurl4, libssl3, libsqlite3-0, libodbcinst2, libstdc++6 ...) with the
# versions we were built against come from dpkg-shlibdeps; odbcinst runs in the maintainer
# scripts and libodbc2 is the driver manager applications load the driver through.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "odbcinst, libodbc2")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "unixodbc")
set(MONDAY_ODBC_PACKAGE_LIBRARY "${CPACK_PACKAGING_INSTALL_PREFIX}/${MONDAY_ODBC_DRIVER_INSTALL_DIR}/libmondayodbc.so")
set(MONDAY_ODBC_PACKAGE_REGISTER "${CPACK_PACKAGING_INSTALL_PREFIX}/${MONDAY_ODBC_DATA_INSTALL_DIR}/register-driver.sh")
foreach(script postinst prerm)
  configure_file(${PROJECT_SOURCE_DIR}/installer/debian/${script}.in ${PROJECT_BINARY_DIR}/debian/${script}
                 @ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                 WORLD_READ WORLD_EXECUTE)
endforeach()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${PROJECT_BINARY_DIR}/debian/postinst;${PROJECT_BINARY_DIR}/debian/prerm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
