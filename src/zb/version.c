/* version.c - zb_version: the version of the library a program runs with. */
#include "zb/zb.h"

const char *zb_version(void)
{
	return ZB_VERSION;
}
