/*
 * check.h - a tiny dependency-free test harness for the zb unit tests.
 *
 * Every CHECK* macro counts one check: a pass increments check_passed, a failure
 * increments check_failed and prints "file:line: FAILED: expression" (with the
 * values involved) to stderr.  The counters are defined in main.c.
 */
#ifndef ZB_TEST_CHECK_H
#define ZB_TEST_CHECK_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "zb/zb.h"

extern long check_passed;
extern long check_failed;

/* Reporting helpers, defined in main.c. Each returns ok (nonzero on a pass). */
int check_report(int ok, const char *file, int line, const char *expr);
int check_report_int(long long a, long long b, const char *file, int line, const char *expr);
int check_report_view(zb_view v, const void *p, size_t n, const char *file, int line,
                      const char *expr);

/* cond is true. */
#define CHECK(cond) ((void)check_report(!!(cond), __FILE__, __LINE__, #cond))

/* Two integer values are equal (both converted to long long). */
#define CHECK_EQ_INT(a, b)                                                          \
	((void)check_report_int((long long)(a), (long long)(b), __FILE__, __LINE__, \
	                        #a " == " #b))

/* Two pointers are equal / different. */
#define CHECK_PTR_EQ(a, b)                                                          \
	((void)check_report((const void *)(a) == (const void *)(b), __FILE__, __LINE__, \
	                    #a " == " #b))
#define CHECK_PTR_NE(a, b)                                                          \
	((void)check_report((const void *)(a) != (const void *)(b), __FILE__, __LINE__, \
	                    #a " != " #b))

/* A view holds exactly the n bytes at p (binary-safe). */
#define CHECK_VIEW_N(v, p, n) \
	((void)check_report_view((v), (p), (n), __FILE__, __LINE__, #v " == " #p))

/* A view holds exactly the bytes of a string literal (without its final NUL);
 * embedded NUL bytes are fine since the length comes from sizeof. */
#define CHECK_VIEW(v, lit) \
	((void)check_report_view((v), (lit), sizeof(lit) - 1, __FILE__, __LINE__, #v " == " #lit))

/* Every engine name of kernels/engine.h, for the kernels' tests to force each one
 * that this CPU and build have (kernels_use) and compare it with a reference. */
#define KERNEL_ENGINES {"portable", "sse2", "avx2", "avx2-bmi2"}

/* The suites. */
void test_buffer(void);
void test_view(void);
void test_search(void);
void test_split(void);
void test_collator(void);
void test_scan(void);
void test_one_pass(void);
void test_scanset(void);
void test_utf8(void);
void test_csv(void);

#endif
