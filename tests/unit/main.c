/* main.c - runs every unit-test suite of the library and prints "N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"

int main(void)
{
	test_buffer();
	test_view();
	test_search();
	test_split();
	test_collator();
	test_scan();
	test_one_pass();
	test_scanset();
	test_utf8();
	test_csv();
	printf("%ld passed, %ld failed\n", check_passed, check_failed);
	return check_failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
