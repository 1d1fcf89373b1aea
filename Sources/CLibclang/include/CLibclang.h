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
typedef FLCXCursor (*FLclang_getTranslationUnitCursor)(FLCXTranslationUnit tu);
typedef int (*FLCXCursorVisitor)(FLCXCursor cursor, FLCXCursor parent, void *clientData);
typedef unsigned (*FLclang_visitChildren)(FLCXCursor parent, FLCXCursorVisitor visitor, void *clientData);
typedef FLCXSourceLocation (*FLclang_getCursorLocation)(FLCXCursor cursor);
typedef FLCXSourceRange (*FLclang_getCursorExtent)(FLCXCursor cursor);
typedef FLCXString (*FLclang_getCursorSpelling)(FLCXCursor cursor);
typedef unsigned (*FLclang_Cursor_isMacroFunctionLike)(FLCXCursor cursor);
typedef int (*FLclang_Location_isInSystemHeader)(FLCXSourceLocation loc);
typedef FLCXString (*FLclang_getTokenSpelling)(FLCXTranslationUnit tu, FLCXToken token);
typedef FLCXString (*FLclang_getFileName)(FLCXFile file);

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
    FLclang_getTranslationUnitCursor getTranslationUnitCursor;
    FLclang_visitChildren visitChildren;
    FLclang_getCursorLocation getCursorLocation;
    FLclang_getCursorExtent getCursorExtent;
    FLclang_getCursorSpelling getCursorSpelling;
    FLclang_Cursor_isMacroFunctionLike isMacroFunctionLike;
    FLclang_Location_isInSystemHeader isInSystemHeader;
    FLclang_getTokenSpelling getTokenSpelling;
    FLclang_getFileName getFileName;
} FLClangAPI;

/* An object-like macro defined in a header the file includes, whose whole body is one
 * string literal (`#define KEY "x"`, or `@"x"`): a flag key the file may use by name. */
typedef struct {
    char *name;      /* the macro's name */
    char *literal;   /* the literal's spelling, quotes and any prefix included (no `@`) */
    char *file;      /* the header's path as libclang names it */
    unsigned line;   /* 1-based line of the name */
} FLHeaderMacro;

/* Opens the library at `path` and resolves every entry point. Returns 0 on success;
 * otherwise non-zero with a message in `error` (never longer than errorSize - 1).
 * On failure the library handle is closed again. */
int flaglint_clang_open(const char *path, FLClangAPI *api, char *error, size_t errorSize);

/* The string macros of every non-system header `tu` included (definitions in `mainFile`
 * itself are skipped: flaglint reads those from the file's own tokens). The translation unit
 * must have been parsed with DetailedPreprocessingRecord. Returns the count; `*out` is
 * malloc'd (free it with flaglint_clang_free_header_macros), NULL when the count is 0. */
unsigned flaglint_clang_header_macros(const FLClangAPI *api, FLCXTranslationUnit tu, FLCXFile mainFile, FLHeaderMacro **out);
void flaglint_clang_free_header_macros(FLHeaderMacro *macros, unsigned count);

#endif
