/* ical_lib.c — see ical_internal.h: libical loaded with dlopen when a
 * calendar is first needed, so that starting rapport (the first paint of
 * the full screen, every verb) does not load it, ICU and libstdc++. */
#define RAPPORT_ICAL_LIB_SELF
#include <dlfcn.h>
#include <stdio.h>

#include "io/ical_internal.h"

#ifndef RAPPORT_ICAL_SONAME
#define RAPPORT_ICAL_SONAME "libical.so.3"
#endif

static struct ical_fns fns;
static int state;       /* 0 not tried, 1 loaded, -1 failed */
static char why[300];   /* the failure, for every later call */

/* See ical_internal.h. */
enum rp_status ical_lib_load(struct rp_err *err) {
  if (state == 0) {
    void *h = dlopen(RAPPORT_ICAL_SONAME, RTLD_NOW | RTLD_LOCAL);
    const char *missing = NULL;
    /* a function pointer read from dlsym's void * through a union
     * (POSIX guarantees the two have the same size and representation) */
#define ICAL_LOAD(name)                                       \
  if (h && !missing) {                                        \
    union {                                                   \
      void *obj;                                              \
      __typeof__(fns.name) fn;                                \
    } sym = {.obj = dlsym(h, #name)};                         \
    if (sym.obj) fns.name = sym.fn;                           \
    else missing = #name;                                     \
  }
    ICAL_FUNCTIONS(ICAL_LOAD)
#undef ICAL_LOAD
    if (!h)
      snprintf(why, sizeof why, "calendars need libical (%s), which cannot be loaded: %s",
               RAPPORT_ICAL_SONAME, dlerror());
    else if (missing)
      snprintf(why, sizeof why, "calendars need libical (%s), which has no %s", RAPPORT_ICAL_SONAME,
               missing);
    state = h && !missing ? 1 : -1;
  }
  if (state < 0) return rp_err_set(err, RP_EDB, "%s", why);
  return RP_OK;
}

/* See ical_internal.h. */
const struct ical_fns *ical_lib(void) {
  struct rp_err err;
  if (state <= 0 && ical_lib_load(&err) != RP_OK) rp_fatal(err.msg);
  return &fns;
}
