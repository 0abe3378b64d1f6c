/*
 * jobs.c - -j: the records of an input split, filtered and selected by worker
 * threads, and written in order.
 *
 * The main thread reads the input straight into the Buffer of a slot, cuts it after
 * its last record terminator and hands it to the workers; the unfinished record
 * after that is copied to the start of the next slot's Buffer (a record longer than
 * a block is gathered in the slot's collator, as records.c does).  A worker takes
 * the slots in order and writes what the records come to into the slot's output,
 * kept in memory; the main thread writes the slots' outputs in the same order.  So
 * the output is what one thread writes, and memory is a fixed number of slots: two
 * per worker, each a block and its output, plus the longest record.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>

#include "diag.h"
#include "jobs.h"
#include "run.h"

enum slot_state {
	FREE,    /* the main thread may fill it */
	READY,   /* filled: a worker may take it */
	WORKING, /* a worker has it */
	DONE     /* its output waits to be written */
};

struct slot {
	zb_buffer *in;         /* block_size bytes, read into directly */
	zb_collator big;       /* a record longer than a block, gathered */
	zb_view block;         /* whole records, or one record without its terminator */
	struct output out;     /* what the block comes to, kept in memory */
	enum slot_state state; /* under the jobs' lock */
};

struct worker {
	pthread_t thread;
	struct jobs *jobs;
	struct config cfg; /* parsed from the same command line: nothing shared */
	bool started;
};

struct jobs {
	pthread_mutex_t lock;
	pthread_cond_t ready; /* a slot became READY, or quit */
	pthread_cond_t done;  /* a slot became DONE */
	struct slot *slots;   /* a ring, filled, taken and written in order */
	size_t nslots;
	size_t fill;          /* the next slot to fill (main thread) */
	size_t take;          /* the next slot to take (workers, under the lock) */
	size_t write;         /* the oldest slot not yet written (main thread) */
	size_t in_flight;     /* slots handed out and not yet written (main thread) */
	bool quit;
	unsigned char term;
	struct worker *workers;
	unsigned nworkers;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct jobs *j = w->jobs;

	pthread_mutex_lock(&j->lock);
	for (;;) {
		struct slot *s = &j->slots[j->take];
		if (s->state != READY) {
			if (j->quit)
				break;
			pthread_cond_wait(&j->ready, &j->lock);
			continue;
		}
		s->state = WORKING;
		j->take = (j->take + 1) % j->nslots;
		pthread_mutex_unlock(&j->lock);
		output_reset(&s->out);
		run_block(&w->cfg, s->block, &s->out);
		pthread_mutex_lock(&j->lock);
		s->state = DONE;
		pthread_cond_broadcast(&j->done);
	}
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

struct jobs *jobs_open(const struct config *cfg)
{
	struct jobs *j = calloc(1, sizeof *j);
	size_t i;

	if (j == NULL)
		return NULL;
	pthread_mutex_init(&j->lock, NULL);
	pthread_cond_init(&j->ready, NULL);
	pthread_cond_init(&j->done, NULL);
	j->term = cfg->sel.term;
	j->nworkers = cfg->jobs;
	j->nslots = 2 * (size_t)cfg->jobs; /* one being worked on, one waiting, per worker */
	j->slots = calloc(j->nslots, sizeof *j->slots);
	j->workers = calloc(j->nworkers, sizeof *j->workers);
	if (!j->slots || !j->workers)
		goto fail;
	for (i = 0; i < j->nslots; i++) {
		struct slot *s = &j->slots[i];
		zb_collator_init(&s->big);
		s->in = zb_buffer_allocate(cfg->block_size);
		/* the in-place fast path wants a block, a terminator and some slack */
		if (s->in == NULL || output_open_memory(&s->out, cfg->block_size + 64) != 0)
			goto fail;
	}
	for (i = 0; i < j->nworkers; i++) {
		struct worker *w = &j->workers[i];
		w->jobs = j;
		options_parse_again(cfg, &w->cfg);
		if (pthread_create(&w->thread, NULL, work, w) != 0)
			goto fail;
		w->started = true;
	}
	return j;
fail:
	jobs_close(j);
	return NULL;
}

void jobs_resolve_names(struct jobs *j, zb_view header)
{
	unsigned i;

	/* the workers wait for a slot: their configurations are not in use */
	for (i = 0; i < j->nworkers; i++)
		run_resolve_names(&j->workers[i].cfg, header);
}

/* Writes the oldest slot's output once a worker is done with it, and frees it. */
static void write_oldest(struct jobs *j, struct output *out)
{
	struct slot *s = &j->slots[j->write];

	pthread_mutex_lock(&j->lock);
	while (s->state != DONE)
		pthread_cond_wait(&j->done, &j->lock);
	pthread_mutex_unlock(&j->lock);
	output_view(out, zb_buffer_view_all(s->out.buf));
	pthread_mutex_lock(&j->lock);
	s->state = FREE;
	pthread_mutex_unlock(&j->lock);
	j->write = (j->write + 1) % j->nslots;
	j->in_flight--;
}

/* The next slot to fill, once its output from the last round is written. */
static struct slot *next_slot(struct jobs *j, struct output *out)
{
	struct slot *s = &j->slots[j->fill];

	for (;;) {
		enum slot_state state;
		pthread_mutex_lock(&j->lock);
		state = s->state;
		pthread_mutex_unlock(&j->lock);
		if (state == FREE)
			return s;
		write_oldest(j, out);
	}
}

/* Writes every slot handed out, in order, then what out holds. */
static void drain(struct jobs *j, struct output *out)
{
	while (j->in_flight > 0)
		write_oldest(j, out);
	output_flush(out);
}

/* Hands the filled slot s to the workers. */
static void hand_out(struct jobs *j, struct slot *s)
{
	pthread_mutex_lock(&j->lock);
	s->state = READY;
	pthread_cond_signal(&j->ready);
	pthread_mutex_unlock(&j->lock);
	j->fill = (j->fill + 1) % j->nslots;
	j->in_flight++;
}

/* Whether a read of fd would return at once (data, end of file or an error). */
static bool readable(int fd)
{
	struct pollfd p = {fd, POLLIN, 0};

	return poll(&p, 1, 0) != 0;
}

/*
 * Fills s->in from fd, after the carried bytes, until it holds a terminator and is
 * full, or the input ends; with `may_block`, stops at a terminator when the next read
 * would wait (after writing everything so far when there is none yet).  A record
 * longer than the buffer moves to s->big as it grows.  Returns 0, or -1 on a read
 * error (errno set).
 */
static int fill(struct jobs *j, struct slot *s, int fd, bool may_block, bool *eof,
                struct output *out)
{
	size_t scanned = 0; /* bytes of s->in known to hold no terminator */

	for (;;) {
		zb_view have = zb_buffer_view_all(s->in);
		bool has_term = zb_view_find_byte(have, j->term, scanned) >= 0;
		ptrdiff_t got;
		if (!has_term)
			scanned = have.len;
		if (*eof || (has_term && zb_buffer_free(s->in) == 0))
			return 0;
		if (zb_buffer_free(s->in) == 0) { /* no terminator in a whole block */
			if (zb_collator_append(&s->big, have) != ZB_OK ||
			    zb_collator_own(&s->big) != ZB_OK) {
				errno = ENOMEM;
				return -1;
			}
			zb_buffer_reset(s->in);
			scanned = 0;
			continue;
		}
		if (may_block && !readable(fd)) {
			if (has_term)
				return 0; /* out with these records before waiting */
			drain(j, out);
		}
		got = zb_buffer_read_from(s->in, fd);
		if (got == ZB_EOF)
			*eof = true;
		else if (got < 0)
			return -1;
	}
}

/*
 * Cuts the filled slot s into its block and the bytes carried to the next slot:
 * the block ends after the last terminator; a gathered long record ends after the
 * first (with it: what was gathered may hold whole records too, when the bytes left
 * after a -H header were more than a block).  False when there is nothing to hand
 * out.
 */
static bool cut(struct jobs *j, struct slot *s, zb_view *carry)
{
	zb_view have = zb_buffer_view_all(s->in);
	ptrdiff_t end;

	*carry = zb_view_empty();
	if (zb_collator_len(&s->big) > 0) {
		end = zb_view_find_byte(have, j->term, 0);
		if (end >= 0) {
			(void)zb_view_slice(have, end + 1, ZB_NONE, carry);
			(void)zb_view_slice(have, 0, end + 1, &have);
		}
		if (zb_collator_append(&s->big, have) != ZB_OK ||
		    zb_collator_collapse(&s->big, &s->block) != ZB_OK)
			die_errno(EXIT_INPUT, "cannot allocate memory");
		return true;
	}
	end = zb_view_rfind(have, &j->term, 1, 0, ZB_NONE);
	if (end >= 0) {
		(void)zb_view_slice(have, end + 1, ZB_NONE, carry);
		(void)zb_view_slice(have, 0, end + 1, &have);
	}
	s->block = have; /* without a terminator: the input's last record */
	return have.len > 0;
}

int jobs_input(struct jobs *j, int fd, bool may_block, zb_view carry, bool eof,
               struct output *out)
{
	int rc = 0;

	while (rc == 0 && (carry.len > 0 || !eof)) {
		struct slot *s = next_slot(j, out);
		zb_view rest = carry;
		zb_view empty;
		/* the carried bytes come first; more than a block go to the collator */
		zb_buffer_reset(s->in);
		(void)zb_collator_collapse(&s->big, &empty); /* the last round's long record */
		if (rest.len > zb_buffer_capacity(s->in) &&
		    (zb_collator_append(&s->big, rest) != ZB_OK || zb_collator_own(&s->big) != ZB_OK))
			die_errno(EXIT_INPUT, "cannot allocate memory");
		else if (rest.len <= zb_buffer_capacity(s->in))
			(void)zb_buffer_add_bytes(s->in, rest.data, rest.len);
		rc = fill(j, s, fd, may_block, &eof, out);
		if (rc != 0)
			eof = true; /* what was read before the error still goes out */
		if (!cut(j, s, &carry))
			break;
		hand_out(j, s);
	}
	drain(j, out);
	return rc;
}

void jobs_close(struct jobs *j)
{
	size_t i;

	if (j == NULL)
		return;
	pthread_mutex_lock(&j->lock);
	j->quit = true;
	pthread_cond_broadcast(&j->ready);
	pthread_mutex_unlock(&j->lock);
	for (i = 0; j->workers && i < j->nworkers; i++) {
		if (j->workers[i].started)
			pthread_join(j->workers[i].thread, NULL);
		options_free(&j->workers[i].cfg);
	}
	for (i = 0; j->slots && i < j->nslots; i++) {
		zb_buffer_release(j->slots[i].in);
		zb_collator_release(&j->slots[i].big);
		if (j->slots[i].out.buf)
			output_close(&j->slots[i].out);
	}
	free(j->slots);
	free(j->workers);
	pthread_cond_destroy(&j->ready);
	pthread_cond_destroy(&j->done);
	pthread_mutex_destroy(&j->lock);
	free(j);
}
