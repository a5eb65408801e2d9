/* The least any MQTT subscriber must do, for scripts/bench's ceiling: connect, subscribe to
 * "#" at QoS 0, then read the stream and find the packet boundaries (the fixed header's type
 * and Remaining Length) until COUNT PUBLISH packets have passed, without looking at a topic
 * or a payload, without allocating and without writing anything out. mosquitto_sub's time
 * on a feed divided by this one's is the highest ratio any client could reach on that feed:
 * past it, the feeder and the kernel's loopback copy are the limit, not the client.
 *
 *   null_client --port PORT --count N [--version 3|4|5]
 *
 * Build: cc -std=c11 -O2 -Wall -Wextra -Wpedantic -Werror -o null_client null_client.c
 * Spec references: MQTT 3.1.1 (OASIS, 2014) and 5.0 (OASIS, 2019). */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

enum
{
    ReadBytes = 1024 * 1024
};

static unsigned char buffer[ReadBytes];

static int send_all(int fd, const unsigned char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = write(fd, data, size);
        if (n <= 0)
            return -1;
        data += n;
        size -= (size_t)n;
    }
    return 0;
}

int main(int argc, char **argv)
{
    long port = 0, count = 0, version = 4;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--port") == 0)
            port = strtol(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--count") == 0)
            count = strtol(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--version") == 0)
            version = strtol(argv[i + 1], NULL, 10);
    }
    if (port <= 0 || port > 65535 || count <= 0 || version < 3 || version > 5) {
        fprintf(stderr, "usage: null_client --port PORT --count N [--version 3|4|5]\n");
        return 2;
    }

    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = htons((uint16_t)port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, (struct sockaddr *)&address, sizeof address) != 0) {
        perror("null_client: connect");
        return 1;
    }

    /* CONNECT (3.1.1 §3.1, 5.0 §3.1): protocol name, level, flags 0x02 (clean session /
     * clean start), keep alive 60 s, in 5.0 an empty property list; client id "null". 3.1
     * names the protocol "MQIsdp". */
    unsigned char connect_packet[64];
    size_t n = 0;
    connect_packet[n++] = 0x10;
    connect_packet[n++] = 0; /* Remaining Length, set below */
    if (version == 3) {
        memcpy(connect_packet + n, "\x00\x06MQIsdp", 8);
        n += 8;
    } else {
        memcpy(connect_packet + n, "\x00\x04MQTT", 6);
        n += 6;
    }
    connect_packet[n++] = (unsigned char)version;
    connect_packet[n++] = 0x02;
    connect_packet[n++] = 0;
    connect_packet[n++] = 60;
    if (version == 5)
        connect_packet[n++] = 0;
    memcpy(connect_packet + n, "\x00\x04null", 6);
    n += 6;
    connect_packet[1] = (unsigned char)(n - 2);

    /* SUBSCRIBE (§3.8): fixed header 0x82, packet id 1, in 5.0 an empty property list,
     * filter "#", options QoS 0. */
    unsigned char subscribe_packet[16];
    size_t m = 0;
    subscribe_packet[m++] = 0x82;
    subscribe_packet[m++] = 0;
    subscribe_packet[m++] = 0;
    subscribe_packet[m++] = 1;
    if (version == 5)
        subscribe_packet[m++] = 0;
    memcpy(subscribe_packet + m, "\x00\x01#\x00", 4);
    m += 4;
    subscribe_packet[1] = (unsigned char)(m - 2);

    if (send_all(fd, connect_packet, n) != 0 || send_all(fd, subscribe_packet, m) != 0) {
        perror("null_client: write");
        return 1;
    }

    /* The stream, packet by packet: a fixed header byte, a Remaining Length of 1 to 4
     * bytes (§2.2.3), then that many bytes skipped. The header may straddle reads. */
    long publishes = 0;
    uint64_t skip = 0;
    int header_state = 0; /* 0: expecting the type byte; 1: in the Remaining Length */
    unsigned type = 0;
    uint64_t length = 0;
    unsigned shift = 0;
    /* Until the last PUBLISH has been read whole: closing with its body unread would reset
     * the connection under the feeder. */
    while (publishes < count || skip > 0 || header_state != 0) {
        const ssize_t got = read(fd, buffer, sizeof buffer);
        if (got <= 0) {
            fprintf(stderr, "null_client: the server closed after %ld PUBLISH packets\n",
                    publishes);
            return 1;
        }
        size_t at = 0;
        while (at < (size_t)got) {
            if (skip > 0) {
                const size_t take = (size_t)got - at < skip ? (size_t)got - at : (size_t)skip;
                at += take;
                skip -= take;
                continue;
            }
            const unsigned char byte = buffer[at++];
            if (header_state == 0) {
                type = byte >> 4;
                length = 0;
                shift = 0;
                header_state = 1;
                continue;
            }
            length |= (uint64_t)(byte & 0x7F) << shift;
            shift += 7;
            if (byte & 0x80) {
                if (shift > 21) {
                    fprintf(stderr, "null_client: a Remaining Length over 4 bytes\n");
                    return 1;
                }
                continue;
            }
            header_state = 0;
            skip = length;
            if (type == 3)
                ++publishes;
            if (publishes == count) {
                /* The rest of this read is the last body (skip), or nothing. */
                const size_t left = (size_t)got - at;
                skip -= left < skip ? left : skip;
                break;
            }
        }
    }
    /* DISCONNECT (§3.14), then close: the flood server waits for one or the other. */
    const unsigned char disconnect_packet[2] = {0xE0, 0x00};
    send_all(fd, disconnect_packet, sizeof disconnect_packet);
    close(fd);
    return 0;
}
