/*
 * jobs.c - -j: the records of an input worked on by worker threads, and written in
 * order.
 *
 * From a pipe, the main thread reads with the run's record reader, and each block
 * it hands out goes to a slot with the memory it is in (records_hand_over), in
 * exchange for the slot's empty buffer.  A worker takes the slots in order and
 * writes what the records come to into the slot's output, kept in memory; the main
 * thread writes the slots' outputs in the same order.  So the output is what one
 * thread writes, and memory is a fixed number of slots, two per worker, each a
 * block and its output, plus the longest record.
 *
 * A regular file is not read by the main thread while workers run: they claim
 * parts of the file by position, in order, and each reads its part with pread(2),
 * so the copies out of the page cache are made on every core.  The worker that
 * finishes the oldest part not yet written writes it, and the finished ones after
 * it, so no third thread has to be woken for each part.  A part's records are
 * those that start in it: from the first after a terminator (the byte before the
 * part is read to tell), to the end of the last, which the worker reads on past
 * the part until its terminator.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_carry.h"
#include "diag.h"
#include "kernels/one_pass.h"
#include "jobs.h"
#include "parts.h"
#include "scratch.h"

/* The largest off_t (a signed type of 64 bits on the systems this builds for). */
#define OFF_T_MAX ((off_t)(((uint64_t)1 << (sizeof(off_t) * CHAR_BIT - 1)) - 1))

/* The smallest part of a file read by position: a part costs a hand-out and a read. */
#define PART_MIN ((size_t)64)

enum slot_state {
	FREE,    /* the main thread may fill it */
	READY,   /* filled: a worker may take it */
	WORKING, /* a worker has it */
	DONE     /* its output waits to be written */
};

struct slot {
	zb_buffer *in;         /* a pipe's block: the reader's buffer it was read into */
	zb_collator big;       /* ... or the collator a record longer than that was
	                          gathered in */
	zb_view block;         /* a pipe's block: whole records, or one record without its
	                          terminator */
	struct output out;     /* what the block comes to, kept in memory */
	enum slot_state state; /* under the jobs' lock */
	struct part part;      /* or a part of a regular file, read by a worker */
	zb_buffer *csv_part;   /* CSV: the slot's own part buffer (the part's bytes are
	                          needed until it is written: write_csv) */
	bool input_end;        /* CSV: the block ends the input (records.h) */
	size_t csv_used;       /* CSV: the bytes the block's whole records took */
};

struct worker {
	pthread_t thread;
	struct jobs *jobs;
	struct scratch scratch; /* its own; the plan is shared */
	/* the parts it reads: its own, not the slot's (a slot goes to either worker),
	 * so there is one a worker, not one a slot */
	zb_buffer *part;   /* a part and the bytes around it (parts.h) */
	zb_collator big;   /* a record longer than that, gathered */
};

struct jobs {
	pthread_mutex_t lock;
	pthread_cond_t ready; /* a slot became READY or FREE, quit, or past_limit */
	pthread_cond_t done;  /* a slot became DONE; by position: all were written,
	                         or past_limit */
	struct slot *slots;   /* a ring, filled, taken and written in order */
	size_t nslots;
	/* fill, write and in_flight are the main thread's, from a pipe; the workers'
	 * (under the lock) while they claim parts of a file, the main thread's too
	 * when it works on parts itself */
	size_t fill;          /* the next slot to fill, or to claim */
	size_t take;          /* the next slot to take (workers, under the lock) */
	size_t write;         /* the oldest slot not yet written */
	size_t in_flight;     /* slots handed out and not yet written */
	bool quit;
	unsigned char term;
	/* reading by position: all under the lock */
	bool by_offset;       /* the workers claim parts (input_by_offset is running) */
	int fd;               /* the file the parts are of */
	size_t part_size;     /* the bytes of a part: the block size */
	off_t next_start;     /* where the next part to claim begins */
	bool next_first;      /* it begins the region read */
	bool end_seen;        /* a part reached the end of the file: no more claims */
	bool past_limit;      /* the next part would start past the largest off_t */
	int read_error;       /* the errno of the first failed part met in order */
	bool writing;         /* a worker is writing the oldest parts' output */
	struct output *out;   /* where they go */
	struct worker *workers;
	unsigned nworkers;
	unsigned started;     /* workers[0 .. started - 1] run in threads of their own */
	const struct plan *plan; /* the workers' scratch is made for it */
	int pipe_fd;          /* the pipe being read, for before_read */
	struct csv_carry csv;  /* CSV: blocks cut at a guess, written in order */
};

static void write_csv(struct jobs *j, struct slot *s, struct output *out);

/*
 * With the lock held: writes the output of the oldest parts that are done, in
 * order, unless another worker is writing; the lock is let go while writing.  After
 * the first part that failed to read (met in order) nothing more is written, as a
 * one-thread run stops there, and no more parts are claimed.
 */
static void write_done_parts(struct jobs *j)
{
	while (!j->writing && j->in_flight > 0 && j->slots[j->write].state == DONE) {
		struct slot *s = &j->slots[j->write];
		if (s->part.err != 0 && j->read_error == 0)
			j->read_error = s->part.err;
		j->writing = true;
		if (j->read_error == 0) {
			pthread_mutex_unlock(&j->lock);
			if (j->plan->cfg->csv)
				write_csv(j, s, j->out);
			else
				output_pass(j->out, zb_buffer_view_all(s->out.buf));
			pthread_mutex_lock(&j->lock);
		}
		j->writing = false;
		s->state = FREE;
		j->write = (j->write + 1) % j->nslots;
		j->in_flight--;
		pthread_cond_broadcast(&j->ready); /* a slot to claim */
		if (j->in_flight == 0) /* what input_by_offset waits for (a wake-up a part
		                          made it cost a context switch or two) */
			pthread_cond_broadcast(&j->done);
	}
}

/* With the lock held: the next part of the file, when one is left and its slot is
 * free (its last part written); NULL otherwise. */
static struct slot *claim_part(struct jobs *j)
{
	struct slot *s;

	if (!j->by_offset) /* (fill is the main thread's then) */
		return NULL;
	s = &j->slots[j->fill];
	if (j->end_seen || j->past_limit || j->read_error != 0 || s->state != FREE)
		return NULL;
	if (j->next_start > OFF_T_MAX - (off_t)j->part_size) { /* no file is that long */
		j->past_limit = true; /* EFBIG after what came before is written */
		pthread_cond_broadcast(&j->done);
		pthread_cond_broadcast(&j->ready);
		return NULL;
	}
	s->state = WORKING;
	s->part.start = j->next_start;
	s->part.first = j->next_first;
	j->next_first = false;
	j->next_start += (off_t)j->part_size;
	j->fill = (j->fill + 1) % j->nslots;
	j->in_flight++;
	return s;
}

/* With the lock held, which is let go meanwhile: the claimed part s of a regular
 * file read, worked on, and written with the parts before it when it is the
 * oldest. */
static void work_on_part(struct jobs *j, struct worker *w, struct slot *s)
{
	bool csv = j->plan->cfg->csv;

	pthread_mutex_unlock(&j->lock);
	output_reset(&s->out);
	/* (a CSV part's bytes are kept until it is written: write_csv may need them) */
	part_read(&s->part, j->fd, j->part_size, j->term, csv, csv ? s->csv_part : w->part,
	          csv ? &s->big : &w->big);
	if (s->part.last) { /* no more parts to claim */
		pthread_mutex_lock(&j->lock);
		j->end_seen = true;
		pthread_mutex_unlock(&j->lock);
	}
	s->block = s->part.has_block ? s->part.block : zb_view_empty();
	s->input_end = s->part.last;
	w->scratch.csv_open = csv && !s->input_end;
	if (s->part.has_block)
		plan_run_block(j->plan, &w->scratch, s->block, &s->out);
	s->csv_used = w->scratch.csv_open && s->part.has_block ? w->scratch.csv_used : s->block.len;
	pthread_mutex_lock(&j->lock);
	s->state = DONE;
	write_done_parts(j);
}

static void *work(void *arg)
{
	struct worker *w = arg;
	struct jobs *j = w->jobs;

	pthread_mutex_lock(&j->lock);
	for (;;) {
		struct slot *s = claim_part(j);
		if (s != NULL) {
			work_on_part(j, w, s);
			continue;
		}
		s = &j->slots[j->take];
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
		w->scratch.csv_open = j->plan->cfg->csv && !s->input_end;
		plan_run_block(j->plan, &w->scratch, s->block, &s->out);
		s->csv_used = w->scratch.csv_open ? w->scratch.csv_used : s->block.len;
		pthread_mutex_lock(&j->lock);
		s->state = DONE;
		pthread_cond_broadcast(&j->done);
	}
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

struct jobs *jobs_open(unsigned n, size_t block_size, unsigned char term)
{
	struct jobs *j = calloc(1, sizeof *j);
	size_t i;

	if (j == NULL)
		return NULL;
	pthread_mutex_init(&j->lock, NULL);
	pthread_cond_init(&j->ready, NULL);
	pthread_cond_init(&j->done, NULL);
	j->term = term;
	j->part_size = block_size < PART_MIN ? PART_MIN : block_size;
	j->nworkers = n;
	j->nslots = 2 * (size_t)n; /* one being worked on, one waiting, per worker */
	j->slots = calloc(j->nslots, sizeof *j->slots);
	j->workers = calloc(j->nworkers, sizeof *j->workers);
	if (!j->slots || !j->workers) {
		jobs_close(j);
		return NULL;
	}
	csv_carry_init(&j->csv);
	for (i = 0; i < j->nslots; i++)
		zb_collator_init(&j->slots[i].big);
	for (i = 0; i < j->nworkers; i++) {
		j->workers[i].jobs = j;
		zb_collator_init(&j->workers[i].big);
	}
	return j;
}

/*
 * The threads are started when an input first needs them, not here, and while
 * none has started, a file that has one part left is worked on by this thread
 * alone.  They are started before the parts are handed out, and woken together: a
 * thread started while this one went on with parts ran on this thread's core.
 * The buffers are allocated when an input first needs them, by the main thread (a
 * worker's first allocation would make it a malloc arena of its own).  Out of
 * memory ends the program.
 */

/* The slots' outputs, which both ways of reading use. */
static void need_slot_outputs(struct jobs *j, size_t block_size)
{
	size_t i;

	/* the in-place kernels want a block, a terminator and their copies' slack
	 * (first_fields' is the widest) */
	for (i = 0; i < j->nslots; i++)
		if (j->slots[i].out.buf == NULL &&
		    output_open_memory(&j->slots[i].out, block_size + 1 + FIRST_FIELDS_SLACK) != 0)
			die_errno(EXIT_INPUT, "cannot allocate memory");
}

/* A buffer of `size` bytes into *b, unless it has one already. */
static void need_buffer(zb_buffer **b, size_t size)
{
	if (*b == NULL && (*b = zb_buffer_allocate(size)) == NULL)
		die_errno(EXIT_INPUT, "cannot allocate memory");
}

/* The buffers the workers read a file's parts into. */
static void need_part_buffers(struct jobs *j)
{
	unsigned i;

	need_slot_outputs(j, j->part_size);
	for (i = 0; i < j->nworkers; i++)
		need_buffer(&j->workers[i].part, part_buffer_size(j->part_size));
	for (i = 0; j->plan->cfg->csv && i < j->nslots; i++)
		need_buffer(&j->slots[i].csv_part, part_buffer_size(j->part_size));
}

/* The buffers a pipe's blocks are exchanged for: as large as the reader's. */
static void need_slot_buffers(struct jobs *j, size_t size)
{
	size_t i;

	need_slot_outputs(j, size);
	for (i = 0; i < j->nslots; i++)
		need_buffer(&j->slots[i].in, size);
}

/* Starts workers until n run (fewer when the system refuses more threads: the
 * ones running do the work); returns how many run. */
static unsigned start_workers(struct jobs *j, unsigned n)
{
	while (j->started < n && pthread_create(&j->workers[j->started].thread, NULL, work,
	                                        &j->workers[j->started]) == 0)
		j->started++;
	return j->started;
}

/* CSV: the slot's records written by the rule of csv_carry.h. */
static void write_csv(struct jobs *j, struct slot *s, struct output *out)
{
	csv_carry_write(&j->csv, j->plan, s->block, s->csv_used, s->input_end,
	                zb_buffer_view_all(s->out.buf), out);
}

/* Writes the oldest slot's output once a worker is done with it, and frees it. */
static void write_oldest(struct jobs *j, struct output *out)
{
	struct slot *s = &j->slots[j->write];

	pthread_mutex_lock(&j->lock);
	while (s->state != DONE)
		pthread_cond_wait(&j->done, &j->lock);
	pthread_mutex_unlock(&j->lock);
	if (j->plan->cfg->csv)
		write_csv(j, s, out);
	else
		output_pass(out, zb_buffer_view_all(s->out.buf));
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

/* The reader's before_wait: a read that would wait first writes everything the
 * workers have made, so output keeps up with a slow pipe. */
static void before_read(void *ctx)
{
	struct jobs *j = ctx;

	if (!readable(j->pipe_fd))
		drain(j, j->out);
}

/*
 * jobs_input for a regular file from `region` on: the workers claim parts until
 * one reaches the end of the file, and write them; this thread waits.  When no
 * thread has started and one part is left (or no threads are to be had), this
 * thread works on the parts itself.
 */
static int input_by_offset(struct jobs *j, int fd, off_t region, struct output *out)
{
	struct worker *me = NULL;
	struct stat st;
	int err;

	need_part_buffers(j);
	/* (a file that grows as it is read may then run in this thread alone) */
	if (fstat(fd, &st) != 0 || st.st_size - region > (off_t)j->part_size)
		(void)start_workers(j, j->nworkers);
	if (j->started < j->nworkers) /* one part, or the system refused threads */
		me = &j->workers[j->nworkers - 1];
	pthread_mutex_lock(&j->lock);
	j->fd = fd;
	j->out = out;
	j->next_start = region;
	j->next_first = true;
	j->end_seen = j->past_limit = false;
	j->read_error = 0;
	j->by_offset = true;
	pthread_cond_broadcast(&j->ready);
	for (;;) {
		struct slot *s = me ? claim_part(j) : NULL;
		if (s != NULL) {
			work_on_part(j, me, s);
			continue;
		}
		if (j->in_flight == 0 && (j->end_seen || j->past_limit || j->read_error != 0))
			break;
		/* a slot freed (to claim, or the last written) wakes `ready` */
		pthread_cond_wait(me ? &j->ready : &j->done, &j->lock);
	}
	j->by_offset = false;
	j->take = j->fill; /* every slot is free: a pipe's blocks start there */
	err = j->read_error != 0 ? j->read_error : j->past_limit && !j->end_seen ? EFBIG : 0;
	pthread_mutex_unlock(&j->lock);
	(void)lseek(fd, 0, SEEK_END); /* as a reader that read it all leaves it */
	csv_carry_finish(&j->csv, j->plan, out, err == 0);
	if (err != 0) {
		errno = err;
		return -1;
	}
	return 0;
}

/* Makes the workers' scratch for plan p (they are idle between inputs). */
static void use_plan(struct jobs *j, const struct plan *p)
{
	unsigned i;

	if (j->plan == p)
		return;
	if (csv_carry_plan(&j->csv, p) != 0)
		die_errno(EXIT_INPUT, "cannot allocate memory");
	for (i = 0; i < j->nworkers; i++) {
		scratch_close(&j->workers[i].scratch);
		if (scratch_open(&j->workers[i].scratch, p) != 0)
			die_errno(EXIT_INPUT, "cannot allocate memory");
	}
	j->plan = p;
}

/* jobs_input for a pipe: the reader's blocks handed out as they come. */
static int input_by_blocks(struct jobs *j, struct records *r, int fd, struct output *out)
{
	void (*was)(void *) = r->before_wait;
	void *was_ctx = r->ctx;
	int rc;

	need_slot_buffers(j, zb_buffer_capacity(r->buf));
	if (start_workers(j, j->nworkers) == 0)
		return 1; /* the caller reads the pipe itself: -j is about speed only */
	j->pipe_fd = fd;
	j->out = out;
	r->before_wait = before_read;
	r->ctx = j;
	for (;;) {
		struct slot *s = next_slot(j, out);
		if ((rc = records_hand_over(r, &s->in, &s->big, &s->block)) <= 0)
			break;
		s->input_end = r->input_end;
		hand_out(j, s);
	}
	r->before_wait = was;
	r->ctx = was_ctx;
	drain(j, out);
	csv_carry_finish(&j->csv, j->plan, out, rc == 0);
	return rc;
}

int jobs_input(struct jobs *j, const struct plan *p, struct records *r, int fd, bool may_block,
               struct output *out)
{
	bool eof;
	zb_view unread = records_unread(r, &eof);
	off_t at;

	use_plan(j, p);
	/* a regular file: the bytes already read (after a -H header) are read again
	 * from the file with the rest, by position */
	if (!may_block && (at = lseek(fd, 0, SEEK_CUR)) >= 0 && (off_t)unread.len <= at)
		return input_by_offset(j, fd, at - (off_t)unread.len, out);
	return input_by_blocks(j, r, fd, out);
}

void jobs_forget_plan(struct jobs *j)
{
	j->plan = NULL;
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
		if (i < j->started)
			pthread_join(j->workers[i].thread, NULL);
		scratch_close(&j->workers[i].scratch);
		zb_buffer_release(j->workers[i].part);
		zb_collator_release(&j->workers[i].big);
	}
	for (i = 0; j->slots && i < j->nslots; i++) {
		zb_buffer_release(j->slots[i].in);
		zb_buffer_release(j->slots[i].csv_part);
		zb_collator_release(&j->slots[i].big);
		if (j->slots[i].out.buf)
			output_close(&j->slots[i].out);
	}
	csv_carry_free(&j->csv);
	free(j->slots);
	free(j->workers);
	pthread_cond_destroy(&j->ready);
	pthread_cond_destroy(&j->done);
	pthread_mutex_destroy(&j->lock);
	free(j);
}
