#!/bin/sh
set -e
echo "hello, $NAME"
