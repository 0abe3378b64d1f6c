/* tool_check.h - the suites of the tool's unit tests (tests/tool), which use the
 * library tests' check.h harness. */
#ifndef ZB_TOOL_CHECK_H
#define ZB_TOOL_CHECK_H

void test_logic(void);
void test_usage(void);
void test_regex_literals(void);
void test_engine(const char *option_sets_path);

#endif
