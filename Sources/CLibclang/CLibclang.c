#include "CLibclang.h"
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
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
    RESOLVE(getTranslationUnitCursor, "clang_getTranslationUnitCursor");
    RESOLVE(visitChildren, "clang_visitChildren");
    RESOLVE(getCursorLocation, "clang_getCursorLocation");
    RESOLVE(getCursorExtent, "clang_getCursorExtent");
    RESOLVE(getCursorSpelling, "clang_getCursorSpelling");
    RESOLVE(isMacroFunctionLike, "clang_Cursor_isMacroFunctionLike");
    RESOLVE(isInSystemHeader, "clang_Location_isInSystemHeader");
    RESOLVE(getTokenSpelling, "clang_getTokenSpelling");
    RESOLVE(getFileName, "clang_getFileName");
#undef RESOLVE
    /* The handle stays open for the life of the process: the API table points into it. */
    return 0;
}

/* libclang's values (clang-c/Index.h). */
enum { FLCXCursor_MacroDefinition = 501, FLCXChildVisit_Continue = 1 };

typedef struct {
    const FLClangAPI *api;
    FLCXTranslationUnit tu;
    FLCXFile mainFile;
    FLHeaderMacro *items;
    unsigned count, capacity;
} HeaderMacroWalk;

/* A copy of a libclang string (NULL when libclang gave none), the original disposed. */
static char *take(const FLClangAPI *api, FLCXString s) {
    const char *c = api->getCString(s);
    char *copy = c ? strdup(c) : NULL;
    api->disposeString(s);
    return copy;
}

static int visitHeaderMacro(FLCXCursor cursor, FLCXCursor parent, void *data) {
    (void)parent;
    HeaderMacroWalk *w = data;
    const FLClangAPI *api = w->api;
    if (cursor.kind != FLCXCursor_MacroDefinition) return FLCXChildVisit_Continue;
    FLCXSourceLocation loc = api->getCursorLocation(cursor);
    FLCXFile file = NULL;
    unsigned line = 0;
    api->getFileLocation(loc, &file, &line, NULL, NULL);
    if (!file || file == w->mainFile || api->isInSystemHeader(loc) || api->isMacroFunctionLike(cursor))
        return FLCXChildVisit_Continue;
    FLCXToken *tokens = NULL;
    unsigned n = 0;
    api->tokenize(w->tu, api->getCursorExtent(cursor), &tokens, &n);
    /* NAME "literal"  or  NAME @ "literal" */
    unsigned lit = n == 2 ? 1 : n == 3 ? 2 : 0;
    char *literal = NULL;
    if (lit && api->getTokenKind(tokens[lit]) == FLCXToken_Literal) {
        int objc = 1;
        if (lit == 2) {
            char *at = take(api, api->getTokenSpelling(w->tu, tokens[1]));
            objc = at && strcmp(at, "@") == 0;
            free(at);
        }
        char *spelling = take(api, api->getTokenSpelling(w->tu, tokens[lit]));
        size_t len = spelling ? strlen(spelling) : 0;
        if (objc && len >= 2 && spelling[len - 1] == '"') literal = spelling; else free(spelling);
    }
    if (tokens) api->disposeTokens(w->tu, tokens, n);
    if (!literal) return FLCXChildVisit_Continue;
    if (w->count == w->capacity) {
        unsigned capacity = w->capacity ? w->capacity * 2 : 16;
        FLHeaderMacro *grown = realloc(w->items, capacity * sizeof *grown);
        if (!grown) { free(literal); return FLCXChildVisit_Continue; }
        w->items = grown;
        w->capacity = capacity;
    }
    FLHeaderMacro *m = &w->items[w->count++];
    m->name = take(api, api->getCursorSpelling(cursor));
    m->literal = literal;
    m->file = take(api, api->getFileName(file));
    m->line = line;
    return FLCXChildVisit_Continue;
}

unsigned flaglint_clang_header_macros(const FLClangAPI *api, FLCXTranslationUnit tu, FLCXFile mainFile, FLHeaderMacro **out) {
    HeaderMacroWalk w = { api, tu, mainFile, NULL, 0, 0 };
    api->visitChildren(api->getTranslationUnitCursor(tu), visitHeaderMacro, &w);
    *out = w.items;
    return w.count;
}

void flaglint_clang_free_header_macros(FLHeaderMacro *macros, unsigned count) {
    for (unsigned i = 0; i < count; i++) {
        free(macros[i].name);
        free(macros[i].literal);
        free(macros[i].file);
    }
    free(macros);
}
