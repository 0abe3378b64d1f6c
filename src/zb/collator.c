/*
 * collator.c - zb_collator: joins views, copying only what is not contiguous.
 *
 * Copied results live in one storage block owned by the collator and reused by
 * every collapse, so a streaming caller allocates nothing per record once the block
 * has grown to its longest record.  When the oldest held piece is itself at the
 * start of the storage (a result appended back), the other pieces are copied after
 * it in place, so gathering a long record piece by piece costs amortised linear time.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zb/zb.h"

void zb_collator_init(zb_collator *c)
{
	static const zb_collator empty = ZB_COLLATOR_INIT;
	*c = empty;
}

void zb_collator_release(zb_collator *c)
{
	free(c->pieces);
	free(c->store);
	zb_collator_init(c);
}

int zb_collator_append(zb_collator *c, zb_view v)
{
	if (v.len == 0) { /* as in zero_buffer: a lone empty view comes back from collapse */
		if (c->count == 0 && !c->has_empty) {
			c->empty = v;
			c->has_empty = true;
		}
		return ZB_OK;
	}
	if (c->len > SIZE_MAX - v.len)
		return ZB_ENOMEM;
	if (c->count > 0) {
		zb_view *last = &c->pieces[c->count - 1];
		if (last->owner == v.owner && last->data + last->len == v.data) {
			last->len += v.len;
			c->len += v.len;
			return ZB_OK;
		}
	}
	if (c->count == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 8;
		zb_view *p;
		if (cap > SIZE_MAX / sizeof *p || (p = realloc(c->pieces, cap * sizeof *p)) == NULL)
			return ZB_ENOMEM;
		c->pieces = p;
		c->cap = cap;
	}
	c->pieces[c->count++] = v;
	c->len += v.len;
	return ZB_OK;
}

static bool in_store(const zb_collator *c, zb_view v)
{
	return c->store != NULL && v.owner == c->store;
}

/* Makes room for `need` bytes in the storage.  keep > 0 bytes at its start are
 * preserved (realloc); otherwise a fresh block may replace it. */
static int reserve(zb_collator *c, size_t need, size_t keep)
{
	size_t cap = c->store_cap ? c->store_cap : 64;
	unsigned char *p;

	if (need <= c->store_cap && c->store != NULL) /* no store yet: always make one */
		return ZB_OK;
	if (need == SIZE_MAX)
		return ZB_ENOMEM;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 - 1 ? need : 2 * cap;
	if (keep > 0) {
		p = realloc(c->store, cap + 1);
	} else {
		p = malloc(cap + 1);
		if (p != NULL)
			free(c->store);
	}
	if (p == NULL)
		return ZB_ENOMEM;
	p[cap] = '\0'; /* the sentinel (see zb.h) */
	c->store = p;
	c->store_cap = cap;
	return ZB_OK;
}

/*
 * Copies everything held into the storage and holds that one view instead.  The
 * oldest piece, when it is already in the storage, is moved to its start and the
 * rest appended after it; any other piece in the storage forces a fresh block.
 */
static int gather(zb_collator *c)
{
	zb_view *p = c->pieces, *end = c->pieces + c->count;
	size_t at = 0, total = c->len;
	unsigned char *old = NULL;
	zb_view *q;
	int rc;

	for (q = p + 1; q < end; q++)
		if (in_store(c, *q))
			break;
	if (q < end) { /* a later piece lives in the storage: copy into a new block */
		size_t old_cap = c->store_cap;
		old = c->store;
		c->store = NULL;
		c->store_cap = 0;
		if ((rc = reserve(c, total, 0)) != ZB_OK) {
			c->store = old;
			c->store_cap = old_cap;
			return rc;
		}
	} else if (in_store(c, *p)) {
		size_t off = (size_t)(p->data - c->store);
		if (off > 0)
			memmove(c->store, p->data, p->len);
		at = p->len;
		if ((rc = reserve(c, total, at)) != ZB_OK) {
			p->data = c->store; /* still valid: the bytes were moved to the start */
			return rc;
		}
		p++;
	} else if ((rc = reserve(c, total, 0)) != ZB_OK) {
		return rc;
	}
	for (; p < end; p++) {
		memcpy(c->store + at, p->data, p->len);
		at += p->len;
	}
	free(old);
	c->count = 1;
	c->pieces[0] = (zb_view){c->store, total, c->store};
	return ZB_OK;
}

int zb_collator_collapse(zb_collator *c, zb_view *out)
{
	int rc;

	if (c->count > 1 && (rc = gather(c)) != ZB_OK)
		return rc;
	*out = c->count ? c->pieces[0] : c->has_empty ? c->empty : zb_view_empty();
	c->count = 0;
	c->len = 0;
	c->has_empty = false;
	return ZB_OK;
}

int zb_collator_own(zb_collator *c)
{
	c->has_empty = false; /* its position is in memory the caller may now release */
	if (c->count == 0 || (c->count == 1 && in_store(c, c->pieces[0])))
		return ZB_OK;
	return gather(c);
}
