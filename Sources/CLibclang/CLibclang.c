#include "CLibclang.h"
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int flaglint_clang_open(const char *path, FLClangAPI *api, char *error, size_t errorSize) {
    memset(api, 0, sizeof *api);
    /* RTLD_LOCAL: libclang's LLVM symbols must not interpose on anything else in the process. */
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *why = dlerror();
        snprintf(error, errorSize, "%s", why ? why : "dlopen failed");
        return 1;
    }
#define RESOLVE(field, symbol)                                                       \
    do {                                                                             \
        void *p = dlsym(handle, symbol);                                             \
        if (!p) {                                                                    \
            snprintf(error, errorSize, "%s: missing symbol %s", path, symbol);       \
            dlclose(handle);                                                         \
            memset(api, 0, sizeof *api);                                             \
            return 2;                                                                \
        }                                                                            \
        memcpy(&api->field, &p, sizeof p);                                           \
    } while (0)
    RESOLVE(createIndex, "clang_createIndex");
    RESOLVE(disposeIndex, "clang_disposeIndex");
    RESOLVE(parseTranslationUnit2, "clang_parseTranslationUnit2");
    RESOLVE(disposeTranslationUnit, "clang_disposeTranslationUnit");
    RESOLVE(getFile, "clang_getFile");
    RESOLVE(getLocationForOffset, "clang_getLocationForOffset");
    RESOLVE(getRange, "clang_getRange");
    RESOLVE(getRangeStart, "clang_getRangeStart");
    RESOLVE(getRangeEnd, "clang_getRangeEnd");
    RESOLVE(getFileLocation, "clang_getFileLocation");
    RESOLVE(tokenize, "clang_tokenize");
    RESOLVE(disposeTokens, "clang_disposeTokens");
    RESOLVE(getTokenKind, "clang_getTokenKind");
    RESOLVE(getTokenExtent, "clang_getTokenExtent");
    RESOLVE(getSkippedRanges, "clang_getSkippedRanges");
    RESOLVE(disposeSourceRangeList, "clang_disposeSourceRangeList");
    RESOLVE(getCString, "clang_getCString");
    RESOLVE(disposeString, "clang_disposeString");
    RESOLVE(getClangVersion, "clang_getClangVersion");
#undef RESOLVE
    /* The handle stays open for the life of the process: the API table points into it. */
    return 0;
}
