/* first_field.c: print the first colon-separated field of each line of stdin. */
#include <stdio.h>
#include <zb.h>

int main(void)
{
	zb_buffer *buf = zb_buffer_allocate(1 << 16);
	zb_collator partial = ZB_COLLATOR_INIT;
	zb_view rest, line, field;
	zb_split it;
	ptrdiff_t got;

	if (buf == NULL)
		return 1;
	while ((got = zb_buffer_read_from(buf, 0)) != ZB_EOF) {
		if (got < 0) {
			perror("read");
			return 1;
		}
		rest = zb_buffer_view_all(buf);
		for (;;) {
			ptrdiff_t nl = zb_view_find(rest, "\n", 1, 0, ZB_NONE);
			if (nl < 0)
				break;
			zb_view_slice(rest, 0, nl, &line);
			zb_view_slice(rest, nl + 1, ZB_NONE, &rest);
			/* a line that began in the previous buffer is joined to its start */
			zb_collator_append(&partial, line);
			zb_collator_collapse(&partial, &line);
			zb_view_split(line, ":", 1, 1, &it);
			zb_split_next(&it, &field);
			fwrite(field.data, 1, field.len, stdout);
			putchar('\n');
		}
		/* keep the unfinished line in the collator, then reuse the buffer */
		zb_collator_append(&partial, rest);
		zb_collator_own(&partial);
		zb_buffer_reset(buf);
	}
	zb_collator_collapse(&partial, &line); /* a last line without a newline */
	if (line.len > 0) {
		zb_view_split(line, ":", 1, 1, &it);
		zb_split_next(&it, &field);
		fwrite(field.data, 1, field.len, stdout);
		putchar('\n');
	}
	zb_collator_release(&partial);
	zb_buffer_release(buf);
	return 0;
}
