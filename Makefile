# `make run` and `make test` set everything up on a machine with Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# The demo server: DEBUG on, and every email written to a file under var/mail.
RUN_ENV := DEBUG=1 EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend

.PHONY: run test setup lock clean-db check-pango

setup: check-pango $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

# WeasyPrint, which makes the PDFs, needs the Pango library from the operating system.
check-pango:
	@$(PYTHON) -c 'import ctypes.util, sys; sys.exit(0 if ctypes.util.find_library("pango-1.0") else "Pango is missing, and WeasyPrint needs it to make PDFs. On Debian or Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0")'

run: setup
	$(RUN_ENV) $(MANAGE) migrate --no-input
	$(RUN_ENV) $(MANAGE) seed_demo
	@echo "Serving on http://127.0.0.1:$(PORT)/ (emails are written to var/mail)"
	$(RUN_ENV) $(MANAGE) runserver 127.0.0.1:$(PORT)

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Re-pin every dependency from requirements.in into requirements.txt.
lock:
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras --output-file requirements.txt requirements.in

clean-db:
	rm -f var/db.sqlite3
