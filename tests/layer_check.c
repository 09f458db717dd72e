/* layer_check.c — an empty program linked with one whole layer library and
 * only the layers below it (see CMakeLists.txt): it links only when the
 * layer calls nothing above it. */
int main(void) { return 0; }
