#include <stdio.h>
#include <zb.h>
int main(void) { puts(zb_version()); return 0; }
