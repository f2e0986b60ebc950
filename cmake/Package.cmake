# `cmake --install` layout and the Debian package (CPack DEB), built by scripts/package.
# Installed, the program finds assets and packs in ../share/kiosk beside its bin/ (core/paths.cpp).
include(GNUInstallDirs)
# `cpack` on a build tree packs what is built (scripts/package and ctest build it first) instead of
# rebuilding every test and benchmark first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

install(TARGETS kiosk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/kiosk/assets)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/kiosk/data)
install(PROGRAMS ${CMAKE_SOURCE_DIR}/packaging/kiosk-session DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/kiosk)
# Debian 12 keeps system units in /lib (not yet merged into /usr).
install(FILES ${CMAKE_SOURCE_DIR}/packaging/kiosk@.service ${CMAKE_SOURCE_DIR}/packaging/kiosk-xorg.service
        DESTINATION /lib/systemd/system)
file(GLOB _kiosk_docs ${CMAKE_SOURCE_DIR}/docs/*.md)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${_kiosk_docs} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

# kiosk(1) from docs/CLI.md at build time with go-md2man (Debian's go-md2man, 2 MB, no other
# dependency; pandoc would pull in 200 MB of Haskell for one page), gzipped as Debian wants.
find_program(GO_MD2MAN go-md2man)
find_program(GZIP gzip REQUIRED)
set(_man ${CMAKE_BINARY_DIR}/man/kiosk.1)
set(_changelog ${CMAKE_BINARY_DIR}/man/changelog.gz)
if(GO_MD2MAN)
  add_custom_command(
    OUTPUT ${_man}.gz
    COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_SOURCE_DIR}/docs/CLI.md -DOUT=${_man}.md -DVERSION=${PROJECT_VERSION}
            -P ${CMAKE_SOURCE_DIR}/cmake/man_source.cmake
    COMMAND ${GO_MD2MAN} -in ${_man}.md -out ${_man}
    COMMAND ${GZIP} -9nf ${_man}
    DEPENDS ${CMAKE_SOURCE_DIR}/docs/CLI.md ${CMAKE_SOURCE_DIR}/cmake/man_source.cmake
    COMMENT "kiosk(1) from docs/CLI.md")
  add_custom_target(kiosk_man ALL DEPENDS ${_man}.gz)
  install(FILES ${_man}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
configure_file(${CMAKE_SOURCE_DIR}/packaging/changelog.in ${CMAKE_BINARY_DIR}/man/changelog @ONLY)
add_custom_command(OUTPUT ${_changelog}
                   COMMAND ${GZIP} -9nc ${CMAKE_BINARY_DIR}/man/changelog > ${_changelog}
                   DEPENDS ${CMAKE_BINARY_DIR}/man/changelog)
add_custom_target(kiosk_changelog ALL DEPENDS ${_changelog})
install(FILES ${_changelog} DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME changelog.gz)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "kiosk maintainers <maintainers@users.noreply.r-seed-b8b9497a.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "event-day check-in kiosk, ceremony and festival screens")
# The synopsis is the summary above; CPack indents these lines itself.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Full-screen kiosks for a one-day event: a QR check-in gate, the organizers'
console, the MC's run of show, the stage display, team quizzes and judged
contests, all on one SQLite event database, with badges, certificates and
exports printed through CUPS. Includes a systemd unit that boots a PC into
one screen (kiosk@.service).")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Beside the shared libraries: the postinst's adduser, the fonts the screens and PDFs draw with.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, fonts-noto-core | fonts-dejavu-core")
# Debian 12's cage will not start without Xwayland.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, xwayland, seatd, cups-client")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "xinit, xserver-xorg, xauth, cups, printer-driver-cups-pdf")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/packaging/postinst ${CMAKE_SOURCE_DIR}/packaging/prerm ${CMAKE_SOURCE_DIR}/packaging/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_STRIP_FILES TRUE)
include(CPack)
