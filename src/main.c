/* main.c — rapport: a terminal journal for networking conversations. */
#include "cli/cli.h"

int main(int argc, char **argv) { return cli_main(argc, argv); }
