// The kiosk program: everything is in the libraries; main hands over to the command line.
#include "kiosk/cli/app.hpp"

int main(int argc, char** argv) { return kiosk::cli::run(argc, argv); }
