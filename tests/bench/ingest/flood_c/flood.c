/* A second, independent flood server for scripts/bench, in plain C with POSIX sockets only
 * (no Qt, no project code), so that the ingest figures do not rest on our own encoder and
 * on one write pattern chosen by us. Plays a broker for ONE client: answers CONNECT
 * (MQTT 3.1, 3.1.1 or 5.0) and SUBSCRIBE, writes N QoS 0 PUBLISH packets on the topics
 * bench/<n % 16>/value, then waits for the client to close (or send DISCONNECT).
 *
 * Build: cc -std=c11 -O2 -Wall -Wextra -Wpedantic -Werror -o flood flood.c
 * Spec references: "3.1.1 §x" is MQTT Version 3.1.1 (OASIS, 2014), "5.0 §x" is MQTT
 * Version 5.0 (OASIS, 2019). */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

enum
{
    /* batch: as many whole packets per write() as fit in this many bytes (the Qt flood's
     * chunk size too). */
    BatchBytes = 256 * 1024,
    /* split: each write() takes 1..SplitMaxBytes bytes of the stream. */
    SplitMaxBytes = 4096,
    SplitSeed = 20240601,
    /* A client that sends nothing we wait for, or reads nothing, for this long is stuck. */
    StallTimeoutMs = 30000,
    AcceptTimeoutMs = 60000,
    /* Largest packet we accept from the client (CONNECT with a will, SUBSCRIBE). */
    MaxInboundPacket = 1024 * 1024,
    TopicCount = 16,
    /* Fixed header (1 + up to 4 bytes of Remaining Length), topic length, topic
     * "bench/NN/value", 5.0 property length. */
    MaxHeaderBytes = 1 + 4 + 2 + 16 + 1,
};

enum Pattern
{
    PatternBatch,
    PatternSingle,
    PatternSplit
};

struct Options
{
    long port;
    long long count;
    long long payload_size;
    enum Pattern pattern;
};

static const char *const pattern_names[] = {"batch", "single", "split"};

static void usage(FILE *out)
{
    fputs("Usage: flood [--port P] [--count N] [--payload-size BYTES]\n"
          "             [--write-pattern batch|single|split]\n"
          "Listens on 127.0.0.1, prints \"port P\" once listening, accepts one client, answers\n"
          "CONNECT (3.1, 3.1.1, 5.0) and SUBSCRIBE, then writes N QoS 0 PUBLISH packets on\n"
          "bench/<n % 16>/value and waits for the client to close. Write patterns: batch (the\n"
          "default) packs as many whole packets as fit in 256 KiB per write(), single writes one\n"
          "packet per write(), split cuts the stream at pseudo-random points (1..4096 bytes\n"
          "per write(), fixed seed) so that packets straddle writes.\n"
          "Exit status: 0 done, 1 bad usage or cannot listen, 2 the client failed.\n",
          out);
}

static int parse_number(const char *text, long long min, long long max, long long *out)
{
    char *end = NULL;
    errno = 0;
    const long long v = strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v < min || v > max)
        return 0;
    *out = v;
    return 1;
}

/* 0 on success, 1 on a bad command line, -1 for --help. */
static int parse_options(int argc, char **argv, struct Options *o)
{
    o->port = 0;
    o->count = 1000000;
    o->payload_size = 16;
    o->pattern = PatternBatch;
    for (int i = 1; i < argc; ++i) {
        const char *flag = argv[i];
        if (strcmp(flag, "--help") == 0)
            return -1;
        if (i + 1 >= argc) {
            fprintf(stderr, "flood: unknown flag or missing value: %s\n", flag);
            return 1;
        }
        const char *value = argv[++i];
        long long n = 0;
        int ok = 1;
        if (strcmp(flag, "--port") == 0) {
            ok = parse_number(value, 0, 65535, &n);
            o->port = (long)n;
        } else if (strcmp(flag, "--count") == 0) {
            ok = parse_number(value, 1, 1LL << 40, &n);
            o->count = n;
        } else if (strcmp(flag, "--payload-size") == 0) {
            ok = parse_number(value, 0, 16 * 1024 * 1024, &n);
            o->payload_size = n;
        } else if (strcmp(flag, "--write-pattern") == 0) {
            ok = 0;
            for (int p = 0; p < 3; ++p) {
                if (strcmp(value, pattern_names[p]) == 0) {
                    o->pattern = (enum Pattern)p;
                    ok = 1;
                }
            }
        } else {
            fprintf(stderr, "flood: unknown flag: %s\n", flag);
            return 1;
        }
        if (!ok) {
            fprintf(stderr, "flood: bad value for %s: %s\n", flag, value);
            return 1;
        }
    }
    return 0;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Waits until fd is readable (or closed); 1 if so, 0 on timeout or error. */
static int wait_readable(int fd, int timeout_ms)
{
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN, .revents = 0};
        const int r = poll(&p, 1, timeout_ms);
        if (r < 0 && errno == EINTR)
            continue;
        return r > 0;
    }
}

/* Writes all `len` bytes with one write() call per attempt, resuming after partial writes
 * and EINTR. 1 on success; 0 if the client closed or stopped reading (SO_SNDTIMEO). */
static int write_all(int fd, const unsigned char *data, size_t len, long long *writes)
{
    while (len > 0) {
        const ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0;
        ++*writes;
        data += n;
        len -= (size_t)n;
    }
    return 1;
}

/* ---- Reading the client's packets ---- */

struct Reader
{
    int fd;
    unsigned char *buf;
    size_t len; /* bytes held */
    size_t cap;
    int eof;
};

/* One whole packet: the fixed header's first byte and the bytes after the Remaining Length. */
struct Packet
{
    unsigned char type_flags;
    const unsigned char *body;
    size_t body_len;
    size_t total_len; /* including the fixed header */
};

/* Decodes a Variable Byte Integer (3.1.1 §2.2.3 Remaining Length; 5.0 §1.5.5): 7 bits per
 * byte, least significant group first, high bit set while more follow, at most 4 bytes.
 * Returns the bytes used, 0 if more input is needed, -1 if malformed. */
static int decode_varint(const unsigned char *p, size_t avail, uint32_t *value)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
        if ((size_t)i >= avail)
            return 0;
        v |= (uint32_t)(p[i] & 0x7f) << (7 * i);
        if (!(p[i] & 0x80)) {
            *value = v;
            return i + 1;
        }
    }
    return -1;
}

/* 1: a packet is in `out` (valid until the next call); 0: the client closed (or timed out)
 * cleanly between packets; -1: malformed, oversized or cut off. */
static int read_packet(struct Reader *r, struct Packet *out, size_t *consumed)
{
    /* Drop the packet returned last time. */
    if (*consumed > 0) {
        memmove(r->buf, r->buf + *consumed, r->len - *consumed);
        r->len -= *consumed;
        *consumed = 0;
    }
    for (;;) {
        if (r->len >= 2) {
            uint32_t remaining = 0;
            const int used = decode_varint(r->buf + 1, r->len - 1, &remaining);
            if (used < 0)
                return -1;
            if (used > 0) {
                const size_t total = 1 + (size_t)used + remaining;
                if (total > MaxInboundPacket)
                    return -1;
                if (r->len >= total) {
                    out->type_flags = r->buf[0];
                    out->body = r->buf + 1 + used;
                    out->body_len = remaining;
                    out->total_len = total;
                    *consumed = total;
                    return 1;
                }
                if (total > r->cap) {
                    unsigned char *grown = realloc(r->buf, total);
                    if (!grown)
                        return -1;
                    r->buf = grown;
                    r->cap = total;
                }
            }
        }
        if (r->eof)
            return r->len == 0 ? 0 : -1;
        if (!wait_readable(r->fd, StallTimeoutMs))
            return r->len == 0 ? 0 : -1;
        const ssize_t n = read(r->fd, r->buf + r->len, r->cap - r->len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != ECONNRESET)
            return -1;
        if (n <= 0)
            r->eof = 1;
        else
            r->len += (size_t)n;
    }
}

/* A cursor over a packet body; every read checks the bounds. */
struct Cursor
{
    const unsigned char *p;
    size_t left;
    int bad;
};

static unsigned take_byte(struct Cursor *c)
{
    if (c->left < 1) {
        c->bad = 1;
        return 0;
    }
    --c->left;
    return *c->p++;
}

/* Two Byte Integer, big-endian (3.1.1 §1.5.2; 5.0 §1.5.2). */
static unsigned take_u16(struct Cursor *c)
{
    const unsigned hi = take_byte(c);
    return (hi << 8) | take_byte(c);
}

static void skip(struct Cursor *c, size_t n)
{
    if (c->left < n) {
        c->bad = 1;
        n = c->left;
    }
    c->p += n;
    c->left -= n;
}

static uint32_t take_varint(struct Cursor *c)
{
    uint32_t v = 0;
    const int used = decode_varint(c->p, c->left, &v);
    if (used <= 0) {
        c->bad = 1;
        return 0;
    }
    skip(c, (size_t)used);
    return v;
}

/* Whether `id` is in `ids` (a property identifier table below). */
static int among(uint32_t id, const char *ids)
{
    return id > 0 && id < 0x80 && strchr(ids, (int)id) != NULL;
}

/* Walks a 5.0 property list (5.0 §2.2.2: a Variable Byte Integer length, then identifier /
 * value pairs, each value's type fixed by its identifier per §2.2.2.2). Reports Maximum
 * Packet Size (0x27, §3.1.2.11.4), which our PUBLISH packets must respect [MQTT-3.1.2-24];
 * 0 when absent. */
static void walk_properties(struct Cursor *c, uint32_t *maximum_packet_size)
{
    static const char byte_ids[] = "\x01\x17\x19\x24\x25\x28\x29\x2a";
    static const char two_byte_ids[] = "\x13\x21\x22\x23";
    static const char four_byte_ids[] = "\x02\x11\x18\x27";
    static const char string_or_binary_ids[] = "\x03\x08\x09\x12\x15\x16\x1a\x1c\x1f";
    const uint32_t length = take_varint(c);
    if (c->bad || length > c->left) {
        c->bad = 1;
        return;
    }
    struct Cursor props = {.p = c->p, .left = length, .bad = 0};
    skip(c, length);
    while (props.left > 0 && !props.bad) {
        const uint32_t id = take_varint(&props);
        if (id == 0x27 && maximum_packet_size && props.left >= 4)
            *maximum_packet_size = ((uint32_t)props.p[0] << 24) | ((uint32_t)props.p[1] << 16) |
                                   ((uint32_t)props.p[2] << 8) | (uint32_t)props.p[3];
        if (among(id, byte_ids))
            skip(&props, 1);
        else if (among(id, two_byte_ids))
            skip(&props, 2);
        else if (among(id, four_byte_ids))
            skip(&props, 4);
        else if (id == 0x0b) /* Subscription Identifier: a Variable Byte Integer */
            take_varint(&props);
        else if (among(id, string_or_binary_ids))
            skip(&props, take_u16(&props));
        else if (id == 0x26) { /* User Property: a string pair */
            skip(&props, take_u16(&props));
            skip(&props, take_u16(&props));
        } else
            props.bad = 1;
    }
    if (props.bad)
        c->bad = 1;
}

/* CONNECT (3.1.1 §3.1; 5.0 §3.1): fixed header 0x10 [MQTT-2.2.2-2]; variable header:
 * Protocol Name ("MQTT", or "MQIsdp" for 3.1), Protocol Level (§3.1.2.2: 3, 4 or 5), Connect
 * Flags, Keep Alive, and in 5.0 the CONNECT properties (§3.1.2.11). The payload (client id,
 * will, credentials) is not needed. Returns the protocol level, or 0 if not acceptable. */
static int parse_connect(const struct Packet *pk, uint32_t *maximum_packet_size)
{
    if (pk->type_flags != 0x10)
        return 0;
    struct Cursor c = {.p = pk->body, .left = pk->body_len, .bad = 0};
    const unsigned name_len = take_u16(&c);
    if (c.bad || name_len > c.left)
        return 0;
    const unsigned char *name = c.p;
    skip(&c, name_len);
    const unsigned level = take_byte(&c);
    take_byte(&c); /* Connect Flags */
    take_u16(&c);  /* Keep Alive */
    if (c.bad)
        return 0;
    const int mqtt = name_len == 4 && memcmp(name, "MQTT", 4) == 0;
    const int mqisdp = name_len == 6 && memcmp(name, "MQIsdp", 6) == 0;
    if (!((level == 3 && mqisdp) || ((level == 4 || level == 5) && mqtt)))
        return 0;
    if (level == 5) {
        walk_properties(&c, maximum_packet_size);
        if (c.bad)
            return 0;
    }
    return (int)level;
}

/* SUBSCRIBE (3.1.1 §3.8; 5.0 §3.8): fixed header 0x82 [MQTT-3.8.1-1]; Packet Identifier;
 * in 5.0 the SUBSCRIBE properties (§3.8.2.1); then one or more (Topic Filter, options byte)
 * pairs [MQTT-3.8.3-3]. Sets the packet id and the number of filters; 0 if malformed. */
static int parse_subscribe(const struct Packet *pk, int level, unsigned *packet_id, size_t *filters)
{
    if (pk->type_flags != 0x82)
        return 0;
    struct Cursor c = {.p = pk->body, .left = pk->body_len, .bad = 0};
    *packet_id = take_u16(&c);
    if (level == 5)
        walk_properties(&c, NULL);
    *filters = 0;
    while (c.left > 0 && !c.bad) {
        skip(&c, take_u16(&c));
        take_byte(&c); /* Requested QoS / Subscription Options */
        ++*filters;
    }
    return !c.bad && *filters > 0;
}

/* Encodes a Variable Byte Integer (3.1.1 §2.2.3; 5.0 §1.5.5); returns the bytes written. */
static size_t encode_varint(uint32_t v, unsigned char *out)
{
    size_t n = 0;
    do {
        unsigned char b = (unsigned char)(v & 0x7f);
        v >>= 7;
        if (v > 0)
            b |= 0x80;
        out[n++] = b;
    } while (v > 0);
    return n;
}

/* ---- The flood ---- */

/* The 16 PUBLISH headers (3.1.1 §3.3; 5.0 §3.3): fixed header 0x30 (QoS 0, no DUP, no
 * RETAIN), Remaining Length, Topic Name as a length-prefixed UTF-8 string (§3.3.2.1), no
 * Packet Identifier at QoS 0 (§3.3.2.2), and in 5.0 a zero Property Length (5.0 §3.3.2.3).
 * The payload (§3.3.3) follows with no length of its own. */
struct Headers
{
    unsigned char bytes[TopicCount][MaxHeaderBytes];
    size_t len[TopicCount];
    size_t largest_packet;
};

static void make_headers(struct Headers *h, int level, size_t payload_size)
{
    h->largest_packet = 0;
    for (int t = 0; t < TopicCount; ++t) {
        char topic[24];
        const int topic_len = snprintf(topic, sizeof topic, "bench/%d/value", t);
        const size_t variable = 2 + (size_t)topic_len + (level == 5 ? 1 : 0);
        unsigned char *p = h->bytes[t];
        size_t n = 0;
        p[n++] = 0x30;
        n += encode_varint((uint32_t)(variable + payload_size), p + n);
        p[n++] = (unsigned char)(topic_len >> 8);
        p[n++] = (unsigned char)(topic_len & 0xff);
        memcpy(p + n, topic, (size_t)topic_len);
        n += (size_t)topic_len;
        if (level == 5)
            p[n++] = 0; /* Property Length */
        h->len[t] = n;
        if (n + payload_size > h->largest_packet)
            h->largest_packet = n + payload_size;
    }
}

/* xorshift32: the split pattern's cut points, the same for every run. */
static uint32_t next_random(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

struct Flood
{
    int fd;
    const struct Headers *headers;
    const unsigned char *payload;
    size_t payload_size;
    long long count;
    long long next;   /* packets put in the buffer so far */
    long long writes; /* write() calls that wrote something */
    long long bytes;
};

/* Appends whole packets to buf[*len..cap) while they fit; at least one whenever cap - *len
 * is at least the largest packet. */
static void fill(struct Flood *f, unsigned char *buf, size_t cap, size_t *len)
{
    while (f->next < f->count) {
        const int t = (int)(f->next % TopicCount);
        const size_t hl = f->headers->len[t];
        if (*len + hl + f->payload_size > cap)
            break;
        memcpy(buf + *len, f->headers->bytes[t], hl);
        memcpy(buf + *len + hl, f->payload, f->payload_size);
        *len += hl + f->payload_size;
        f->bytes += (long long)(hl + f->payload_size);
        ++f->next;
    }
}

static int flood_batch(struct Flood *f, unsigned char *buf, size_t cap)
{
    while (f->next < f->count) {
        size_t len = 0;
        fill(f, buf, cap, &len);
        if (!write_all(f->fd, buf, len, &f->writes))
            return 0;
    }
    return 1;
}

/* One packet per write(), the way a broker that writes each message as it routes it does;
 * the header is placed right before the payload so that the packet is contiguous. */
static int flood_single(struct Flood *f, unsigned char *buf)
{
    unsigned char *payload = buf + MaxHeaderBytes;
    memcpy(payload, f->payload, f->payload_size);
    for (; f->next < f->count; ++f->next) {
        const int t = (int)(f->next % TopicCount);
        const size_t hl = f->headers->len[t];
        memcpy(payload - hl, f->headers->bytes[t], hl);
        if (!write_all(f->fd, payload - hl, hl + f->payload_size, &f->writes))
            return 0;
        f->bytes += (long long)(hl + f->payload_size);
    }
    return 1;
}

/* The stream cut into pieces of 1..SplitMaxBytes bytes wherever the generator says,
 * regardless of packet boundaries; a piece may span the end of one buffer fill and the
 * start of the next (the tail, under SplitMaxBytes, is carried over: hence cap is the batch
 * size plus SplitMaxBytes, so that a fill always adds a packet). */
static int flood_split(struct Flood *f, unsigned char *buf, size_t cap)
{
    uint32_t state = SplitSeed;
    size_t len = 0;
    size_t cut = 1 + next_random(&state) % SplitMaxBytes;
    for (;;) {
        fill(f, buf, cap, &len);
        const int last = f->next >= f->count;
        size_t off = 0;
        while (len - off >= cut || (last && off < len)) {
            const size_t piece = len - off < cut ? len - off : cut;
            if (!write_all(f->fd, buf + off, piece, &f->writes))
                return 0;
            off += piece;
            cut = 1 + next_random(&state) % SplitMaxBytes;
        }
        if (last)
            return 1;
        memmove(buf, buf + off, len - off);
        len -= off;
    }
}

/* ---- main ---- */

static int listen_loopback(long port, unsigned *bound_port)
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t addr_len = sizeof addr;
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 1) != 0 ||
        getsockname(fd, (struct sockaddr *)&addr, &addr_len) != 0) {
        close(fd);
        return -1;
    }
    *bound_port = ntohs(addr.sin_port);
    return fd;
}

static int send_or_fail(int fd, const unsigned char *data, size_t len)
{
    long long writes = 0;
    if (write_all(fd, data, len, &writes))
        return 1;
    fprintf(stderr, "flood: cannot write to the client: %s\n", strerror(errno));
    return 0;
}

static const unsigned char pingresp[] = {0xd0, 0x00};

/* CONNECT, then CONNACK: 3.1.1 §3.2 (flags 0, return code 0 = accepted); 5.0 §3.2 (flags 0,
 * reason code 0 = success, and §3.2.2.3 an empty property list). Then SUBSCRIBE and SUBACK
 * (3.1.1 §3.9: Packet Identifier and one return code per filter, 0x00 = granted QoS 0; 5.0
 * §3.9: Packet Identifier, an empty property list (§3.9.2.1), one reason code per filter
 * [MQTT-3.9.3-1]). A PINGREQ on the way gets its PINGRESP. Returns the protocol level, 0 on
 * failure (said on stderr). */
static int handshake(struct Reader *r, size_t *consumed, uint32_t *maximum_packet_size)
{
    struct Packet pk;
    if (read_packet(r, &pk, consumed) != 1) {
        fprintf(stderr, "flood: no CONNECT from the client\n");
        return 0;
    }
    const int level = parse_connect(&pk, maximum_packet_size);
    if (level == 0) {
        fprintf(stderr, "flood: first packet is not an acceptable CONNECT\n");
        return 0;
    }
    static const unsigned char connack4[] = {0x20, 0x02, 0x00, 0x00};
    static const unsigned char connack5[] = {0x20, 0x03, 0x00, 0x00, 0x00};
    if (!(level == 5 ? send_or_fail(r->fd, connack5, sizeof connack5)
                     : send_or_fail(r->fd, connack4, sizeof connack4)))
        return 0;

    unsigned packet_id = 0;
    size_t filters = 0;
    for (;;) {
        if (read_packet(r, &pk, consumed) != 1) {
            fprintf(stderr, "flood: no SUBSCRIBE from the client\n");
            return 0;
        }
        if (pk.type_flags == 0xc0) {
            if (!send_or_fail(r->fd, pingresp, sizeof pingresp))
                return 0;
            continue;
        }
        if (parse_subscribe(&pk, level, &packet_id, &filters))
            break;
        fprintf(stderr, "flood: expected SUBSCRIBE, got packet type %u\n", pk.type_flags >> 4);
        return 0;
    }
    const size_t variable = 2 + (level == 5 ? 1 : 0);
    unsigned char *suback = malloc(1 + 4 + variable + filters);
    if (!suback)
        return 0;
    size_t n = 0;
    suback[n++] = 0x90;
    n += encode_varint((uint32_t)(variable + filters), suback + n);
    suback[n++] = (unsigned char)(packet_id >> 8);
    suback[n++] = (unsigned char)(packet_id & 0xff);
    if (level == 5)
        suback[n++] = 0; /* Property Length */
    memset(suback + n, 0x00, filters);
    n += filters;
    const int sent = send_or_fail(r->fd, suback, n);
    free(suback);
    return sent ? level : 0;
}

/* Writes the o->count packets in o->pattern; 1 on success. */
static int flood(int fd, const struct Options *o, int level, uint32_t maximum_packet_size)
{
    struct Headers headers;
    const size_t payload_size = (size_t)o->payload_size;
    make_headers(&headers, level, payload_size);
    if (maximum_packet_size != 0 && headers.largest_packet > maximum_packet_size) {
        fprintf(stderr, "flood: packets of %zu bytes exceed the client's Maximum Packet Size %u\n",
                headers.largest_packet, (unsigned)maximum_packet_size);
        return 0;
    }
    /* A recognisable, printable payload with no newline: "flood" then 'x' filler. */
    unsigned char *payload = malloc(payload_size + 1);
    const size_t cap = headers.largest_packet > BatchBytes ? headers.largest_packet : BatchBytes;
    unsigned char *buf = malloc(cap + SplitMaxBytes + MaxHeaderBytes);
    if (!payload || !buf) {
        free(payload);
        free(buf);
        return 0;
    }
    memset(payload, 'x', payload_size);
    memcpy(payload, "flood", payload_size < 5 ? payload_size : 5);

    struct Flood f = {.fd = fd,
                      .headers = &headers,
                      .payload = payload,
                      .payload_size = payload_size,
                      .count = o->count,
                      .next = 0,
                      .writes = 0,
                      .bytes = 0};
    const double start = now_seconds();
    int ok = 0;
    switch (o->pattern) {
    case PatternBatch:
        ok = flood_batch(&f, buf, cap);
        break;
    case PatternSingle:
        ok = flood_single(&f, buf);
        break;
    case PatternSplit:
        ok = flood_split(&f, buf, cap + SplitMaxBytes);
        break;
    }
    const double seconds = now_seconds() - start;
    const char *const version_name = level == 5 ? "5.0" : level == 4 ? "3.1.1" : "3.1";
    if (ok)
        fprintf(stderr,
                "flood: %lld packets, %lld bytes (MQTT %s, %s: %lld write() calls) written in "
                "%.3f s\n",
                f.count, f.bytes, version_name, pattern_names[o->pattern], f.writes, seconds);
    else
        fprintf(stderr, "flood: the client stopped reading (%lld of %lld packets queued): %s\n",
                f.next, f.count, strerror(errno));
    free(buf);
    free(payload);
    return ok;
}

/* Reads until the client closes or sends DISCONNECT (3.1.1 §3.14; 5.0 §3.14), answering
 * PINGREQ (§3.12) with PINGRESP (§3.13) in case it waits long enough to send one. */
static int await_close(struct Reader *r, size_t *consumed)
{
    for (;;) {
        struct Packet pk;
        const int got = read_packet(r, &pk, consumed);
        if (got <= 0) {
            /* Closed, possibly mid-packet: fine. Timed out or failed: the client is stuck. */
            if (!r->eof)
                fprintf(stderr, "flood: the client neither closed nor sent DISCONNECT\n");
            return r->eof;
        }
        if ((pk.type_flags & 0xf0) == 0xe0)
            return 1;
        if (pk.type_flags == 0xc0 && !send_or_fail(r->fd, pingresp, sizeof pingresp))
            return 0;
    }
}

int main(int argc, char **argv)
{
    struct Options o;
    const int parsed = parse_options(argc, argv, &o);
    if (parsed != 0) {
        usage(parsed < 0 ? stdout : stderr);
        return parsed < 0 ? 0 : 1;
    }
    /* A client that closes mid-flood must make write() fail with EPIPE, not kill us. */
    struct sigaction ignore;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, NULL);

    unsigned port = 0;
    const int listener = listen_loopback(o.port, &port);
    if (listener < 0) {
        fprintf(stderr, "flood: cannot listen: %s\n", strerror(errno));
        return 1;
    }
    /* The script waits for this line to learn the port. */
    printf("port %u\n", port);
    fflush(stdout);

    if (!wait_readable(listener, AcceptTimeoutMs)) {
        fprintf(stderr, "flood: no client within %d s\n", AcceptTimeoutMs / 1000);
        return 2;
    }
    int fd;
    do
        fd = accept(listener, NULL, NULL);
    while (fd < 0 && errno == EINTR);
    close(listener); /* one client only */
    if (fd < 0) {
        fprintf(stderr, "flood: accept: %s\n", strerror(errno));
        return 2;
    }
    /* A write that blocks this long means the client stopped reading. Nagle stays on, as
     * in mosquitto's default. */
    const struct timeval stall = {.tv_sec = StallTimeoutMs / 1000, .tv_usec = 0};
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &stall, sizeof stall);

    struct Reader reader = {.fd = fd, .buf = malloc(4096), .len = 0, .cap = 4096, .eof = 0};
    size_t consumed = 0;
    uint32_t maximum_packet_size = 0;
    int ok = reader.buf != NULL;
    const int level = ok ? handshake(&reader, &consumed, &maximum_packet_size) : 0;
    ok = level != 0 && flood(fd, &o, level, maximum_packet_size) && await_close(&reader, &consumed);
    free(reader.buf);
    close(fd);
    return ok ? 0 : 2;
}
