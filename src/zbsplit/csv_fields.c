/* csv_fields.c - walking one CSV record's fields (see csv_fields.h). */
#include "csv_fields.h"
#include "kernels/bits.h"

void csv_fields_start(struct csv_fields *f, zb_view rec, unsigned char delim)
{
	f->rec = rec;
	csv_scan_init(&f->scan, delim);
	f->base = f->scanned = f->at = 0;
	f->k = 1;
	f->done = false;
}

/* The first delimiter at or after f->at among the bytes scanned, or SIZE_MAX.  (A
 * field longer than the window starts before it.) */
static size_t next_delim(const struct csv_fields *f)
{
	size_t rel = f->at > f->base ? f->at - f->base : 0, w;

	for (w = rel / 64; w < (f->scanned - f->base + 63) / 64; w++) {
		uint64_t m = f->seps[w];
		if (w == rel / 64)
			m &= ~(uint64_t)0 << (rel % 64);
		if (m != 0)
			return f->base + 64 * w + ctz64(m);
	}
	return SIZE_MAX;
}

bool csv_fields_next(struct csv_fields *f, zb_view *raw)
{
	size_t end;

	if (f->done)
		return false;
	while ((end = next_delim(f)) == SIZE_MAX && f->scanned < f->rec.len) {
		size_t n = f->rec.len - f->scanned;
		f->base = f->scanned;
		n = n < CSV_FIELDS_WINDOW ? n : CSV_FIELDS_WINDOW;
		(void)csv_scan(&f->scan, f->rec.data + f->base, n, f->seps, f->ends);
		f->scanned += n;
	}
	if (end == SIZE_MAX) { /* the last field */
		end = f->rec.len;
		f->done = true;
	}
	*raw = (zb_view){f->rec.data + f->at, end - f->at, f->rec.owner};
	f->at = end + 1;
	f->k++;
	return true;
}

bool csv_fields_seek(struct csv_fields *f, size_t k)
{
	zb_view skipped;

	if (k < f->k)
		csv_fields_start(f, f->rec, f->scan.delim);
	while (f->k < k)
		if (!csv_fields_next(f, &skipped))
			return false;
	return !f->done;
}
