/* diag_exit.c - how the tool ends: exit(3).  Alone in its file so that a test
 * harness can link its own diag_exit instead: tests/fuzz jumps back to the fuzzer,
 * which runs the option parser and the record loop in-process. */
#include <stdlib.h>

#include "diag.h"

void diag_exit(int status)
{
	exit(status);
}
