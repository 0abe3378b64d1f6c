/*
 * no_threads.c - an LD_PRELOAD library for tests: pthread_create fails with EAGAIN,
 * as it does when a process has reached its limit of threads, so that the tests
 * see what -j does with no threads to be had, or with fewer than it asks for: the
 * first NO_THREADS_ALLOW calls (a number, 0 when unset) create their threads.
 * Each refusal appends a line to the file named by NO_THREADS_LOG, if set, so a
 * test can tell that threads were asked for (and this library was loaded at all).
 */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

typedef int create_fn(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *),
                   void *arg)
{
	static atomic_long calls;
	const char *allow = getenv("NO_THREADS_ALLOW"), *log = getenv("NO_THREADS_LOG");

	if (allow != NULL && atomic_fetch_add(&calls, 1) < atol(allow)) {
		create_fn *real;
		*(void **)&real = dlsym(RTLD_NEXT, "pthread_create");
		if (real != NULL)
			return real(thread, attr, start, arg);
	}
	if (log != NULL) {
		int fd = open(log, O_WRONLY | O_APPEND | O_CREAT, 0600);
		if (fd >= 0) {
			(void)!write(fd, "refused\n", 8);
			(void)close(fd);
		}
	}
	return EAGAIN;
}
