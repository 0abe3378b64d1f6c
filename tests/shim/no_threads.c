/*
 * no_threads.c - an LD_PRELOAD library for tests: pthread_create always fails with
 * EAGAIN, as it does when a process has reached its limit of threads, so that the
 * tests see what -j does with no threads to be had.  Each refusal appends a line
 * to the file named by NO_THREADS_LOG, if set, so a test can tell that threads
 * were asked for (and this library was loaded at all).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *),
                   void *arg)
{
	const char *log = getenv("NO_THREADS_LOG");

	(void)thread;
	(void)attr;
	(void)start;
	(void)arg;
	if (log != NULL) {
		int fd = open(log, O_WRONLY | O_APPEND | O_CREAT, 0600);
		if (fd >= 0) {
			(void)!write(fd, "refused\n", 8);
			(void)close(fd);
		}
	}
	return EAGAIN;
}
