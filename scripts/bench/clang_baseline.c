/* libclang's own cost for the C-family benchmark (scripts/bench/cfamily.sh): for every file
 * of a list, exactly the libclang work flaglint's C-family frontend asks for
 * (Sources/FlaglintFrontends/CFamily/ClangLexer.swift), and nothing else:
 *
 *   read the file; clang_createIndex; clang_parseTranslationUnit2 with the file's bytes as
 *   an unsaved file, the same arguments (-x c++ -std=gnu++2a -w -ferror-limit=0
 *   -fno-spell-checking; C files -x c -std=gnu17) and the same options (SingleFileParse |
 *   KeepGoing | DetailedPreprocessingRecord | SkipFunctionBodies); clang_tokenize over the
 *   whole file; dispose the tokens, the translation unit and the index.
 *
 * With --extents it also asks every token's kind and extent and the skipped ranges, as
 * flaglint does (that part is flaglint's own per-token cost, not libclang's parse).
 *
 *   clang_baseline [--extents] LIST      LIST: one path per line
 *
 * Prints: files, bytes, tokens, and the CPU seconds of the loop (process start-up and loading
 * libclang excluded). Single thread. Build:
 *   cc -O2 -I$(llvm-config --includedir) clang_baseline.c -L$(llvm-config --libdir) \
 *      -Wl,-rpath,$(llvm-config --libdir) -lclang -o clang_baseline
 */
#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n == cap) buf = realloc(buf, cap *= 2);
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
    }
    fclose(f);
    *len = n;
    return buf;
}

static int ends_with(const char *s, const char *suffix) {
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static double cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    int extents = 0;
    const char *list = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--extents") == 0) extents = 1;
        else list = argv[i];
    }
    if (!list) {
        fprintf(stderr, "usage: clang_baseline [--extents] LIST\n");
        return 2;
    }
    FILE *lf = fopen(list, "r");
    if (!lf) { perror(list); return 2; }

    static const char *cpp_args[] = {"-x", "c++", "-std=gnu++2a", "-w", "-ferror-limit=0", "-fno-spell-checking"};
    static const char *c_args[] = {"-x", "c", "-std=gnu17", "-w", "-ferror-limit=0", "-fno-spell-checking"};
    unsigned options = CXTranslationUnit_SingleFileParse | CXTranslationUnit_KeepGoing |
                       CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_SkipFunctionBodies;

    char path[4096];
    long files = 0, failed = 0;
    unsigned long long bytes = 0, tokens = 0, checksum = 0;
    double t0 = cpu_seconds();
    while (fgets(path, sizeof path, lf)) {
        path[strcspn(path, "\n")] = 0;
        if (!path[0]) continue;
        size_t len = 0;
        char *contents = read_all(path, &len);
        if (!contents) { failed++; continue; }
        const char **args = ends_with(path, ".c") ? c_args : cpp_args;
        CXIndex index = clang_createIndex(0, 0);
        struct CXUnsavedFile unsaved = {path, contents, len};
        CXTranslationUnit tu = NULL;
        enum CXErrorCode rc = clang_parseTranslationUnit2(index, path, args, 6, &unsaved, 1, options, &tu);
        if (rc == CXError_Success && tu) {
            CXFile file = clang_getFile(tu, path);
            if (file && len > 0) {
                CXSourceRange range = clang_getRange(clang_getLocationForOffset(tu, file, 0),
                                                     clang_getLocationForOffset(tu, file, (unsigned)len));
                CXToken *toks = NULL;
                unsigned count = 0;
                clang_tokenize(tu, range, &toks, &count);
                tokens += count;
                if (extents) {
                    for (unsigned i = 0; i < count; i++) {
                        CXSourceRange e = clang_getTokenExtent(tu, toks[i]);
                        unsigned s = 0, t = 0;
                        clang_getFileLocation(clang_getRangeStart(e), NULL, NULL, NULL, &s);
                        clang_getFileLocation(clang_getRangeEnd(e), NULL, NULL, NULL, &t);
                        checksum += s + t + clang_getTokenKind(toks[i]);
                    }
                    CXSourceRangeList *skipped = clang_getSkippedRanges(tu, file);
                    if (skipped) { checksum += skipped->count; clang_disposeSourceRangeList(skipped); }
                }
                clang_disposeTokens(tu, toks, count);
            }
            clang_disposeTranslationUnit(tu);
        } else {
            failed++;
        }
        clang_disposeIndex(index);
        free(contents);
        files++;
        bytes += len;
    }
    double cpu = cpu_seconds() - t0;
    fclose(lf);
    printf("files %ld bytes %llu tokens %llu failed %ld cpu_s %.6f checksum %llu\n", files, bytes, tokens, failed, cpu, checksum);
    return 0;
}
