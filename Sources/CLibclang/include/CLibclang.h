#ifndef FLAGLINT_CLIBCLANG_H
#define FLAGLINT_CLIBCLANG_H

/* The few types and entry points of libclang's stable C API that flaglint uses,
 * declared here so that building flaglint needs no libclang headers and no link
 * against libclang: the library is opened at run time (flaglint_clang_open).
 * Layouts follow clang-c/Index.h and have been stable since libclang 3.x. */

#include <stddef.h>

typedef void *FLCXIndex;
typedef void *FLCXTranslationUnit;
typedef void *FLCXFile;

typedef struct { const void *data; unsigned private_flags; } FLCXString;
typedef struct { const void *ptr_data[2]; unsigned int_data; } FLCXSourceLocation;
typedef struct { const void *ptr_data[2]; unsigned begin_int_data; unsigned end_int_data; } FLCXSourceRange;
typedef struct { unsigned count; FLCXSourceRange *ranges; } FLCXSourceRangeList;
typedef struct { unsigned int_data[4]; void *ptr_data; } FLCXToken;
typedef struct { int kind; int xdata; const void *data[3]; } FLCXCursor;
typedef struct { const char *Filename; const char *Contents; unsigned long Length; } FLCXUnsavedFile;

enum {
    FLCXToken_Punctuation = 0,
    FLCXToken_Keyword = 1,
    FLCXToken_Identifier = 2,
    FLCXToken_Literal = 3,
    FLCXToken_Comment = 4,
};

enum {
    FLCXTranslationUnit_DetailedPreprocessingRecord = 0x01,
    FLCXTranslationUnit_SkipFunctionBodies = 0x40,
    FLCXTranslationUnit_KeepGoing = 0x200,
    FLCXTranslationUnit_SingleFileParse = 0x400,
};

typedef FLCXIndex (*FLclang_createIndex)(int excludeDeclarationsFromPCH, int displayDiagnostics);
typedef void (*FLclang_disposeIndex)(FLCXIndex index);
typedef int (*FLclang_parseTranslationUnit2)(FLCXIndex index, const char *path, const char *const *args, int argCount,
                                             FLCXUnsavedFile *unsaved, unsigned unsavedCount, unsigned options,
                                             FLCXTranslationUnit *out);
typedef void (*FLclang_disposeTranslationUnit)(FLCXTranslationUnit tu);
typedef FLCXFile (*FLclang_getFile)(FLCXTranslationUnit tu, const char *path);
typedef FLCXSourceLocation (*FLclang_getLocationForOffset)(FLCXTranslationUnit tu, FLCXFile file, unsigned offset);
typedef FLCXSourceRange (*FLclang_getRange)(FLCXSourceLocation begin, FLCXSourceLocation end);
typedef FLCXSourceLocation (*FLclang_getRangeStart)(FLCXSourceRange range);
typedef FLCXSourceLocation (*FLclang_getRangeEnd)(FLCXSourceRange range);
typedef void (*FLclang_getFileLocation)(FLCXSourceLocation loc, FLCXFile *file, unsigned *line, unsigned *column, unsigned *offset);
typedef void (*FLclang_tokenize)(FLCXTranslationUnit tu, FLCXSourceRange range, FLCXToken **tokens, unsigned *count);
typedef void (*FLclang_disposeTokens)(FLCXTranslationUnit tu, FLCXToken *tokens, unsigned count);
typedef int (*FLclang_getTokenKind)(FLCXToken token);
typedef FLCXSourceRange (*FLclang_getTokenExtent)(FLCXTranslationUnit tu, FLCXToken token);
typedef FLCXSourceRangeList *(*FLclang_getSkippedRanges)(FLCXTranslationUnit tu, FLCXFile file);
typedef void (*FLclang_disposeSourceRangeList)(FLCXSourceRangeList *list);
typedef const char *(*FLclang_getCString)(FLCXString string);
typedef void (*FLclang_disposeString)(FLCXString string);
typedef FLCXString (*FLclang_getClangVersion)(void);

/* Every entry point flaglint needs; all non-null after a successful open. */
typedef struct {
    FLclang_createIndex createIndex;
    FLclang_disposeIndex disposeIndex;
    FLclang_parseTranslationUnit2 parseTranslationUnit2;
    FLclang_disposeTranslationUnit disposeTranslationUnit;
    FLclang_getFile getFile;
    FLclang_getLocationForOffset getLocationForOffset;
    FLclang_getRange getRange;
    FLclang_getRangeStart getRangeStart;
    FLclang_getRangeEnd getRangeEnd;
    FLclang_getFileLocation getFileLocation;
    FLclang_tokenize tokenize;
    FLclang_disposeTokens disposeTokens;
    FLclang_getTokenKind getTokenKind;
    FLclang_getTokenExtent getTokenExtent;
    FLclang_getSkippedRanges getSkippedRanges;
    FLclang_disposeSourceRangeList disposeSourceRangeList;
    FLclang_getCString getCString;
    FLclang_disposeString disposeString;
    FLclang_getClangVersion getClangVersion;
} FLClangAPI;

/* Opens the library at `path` and resolves every entry point. Returns 0 on success;
 * otherwise non-zero with a message in `error` (never longer than errorSize - 1).
 * On failure the library handle is closed again. */
int flaglint_clang_open(const char *path, FLClangAPI *api, char *error, size_t errorSize);

#endif
