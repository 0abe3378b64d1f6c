/* main.c - runs the tool's unit tests and prints "N passed, N failed".
 * Usage: tool_tests OPTION_SETS_FILE (tests/option_sets.txt). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "tool_check.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: tool_tests tests/option_sets.txt\n");
		return 2;
	}
	/* as zbsplit's main does: a pipe whose reader is gone (inproc.c's input writer
	 * after a run that stopped early) gives EPIPE, not the end of the tests */
	signal(SIGPIPE, SIG_IGN);
	test_logic();
	test_usage();
	test_regex_literals();
	test_engine(argv[1]);
	printf("%ld passed, %ld failed\n", check_passed, check_failed);
	return check_failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
