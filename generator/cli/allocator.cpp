// jemalloc's settings, read by jemalloc itself when the program starts (its documented
// `malloc_conf` symbol). Huge pages: a build touches a few hundred megabytes once, and 4 KB pages
// meant tens of thousands of page faults. Background threads stay off: a build is short-lived.
#ifdef BOARDPRESS_JEMALLOC
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's.
extern const char* const malloc_conf;
const char* const malloc_conf = "thp:always,metadata_thp:auto";
}
#endif
