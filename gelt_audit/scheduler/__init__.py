"""Unattended operation: the one-shot run for cron, the `schedule`-based loop, and their status.

- :mod:`~gelt_audit.scheduler.once` (``gelt-audit run``): one complete run under the store's lock:
  :mod:`~gelt_audit.scheduler.runs` for one site, recorded in the store's ``runs`` table, with an
  exit code that means something (see ``docs/OPERATIONS.md``); :mod:`~gelt_audit.scheduler.portfolio_runs`
  for each site of a ``[portfolio]``, one row per site.
- :mod:`~gelt_audit.scheduler.loop` (``gelt-audit schedule``): the same steps at the times of
  ``[schedule]``, in America/Bogota whatever the machine's timezone.
- :mod:`~gelt_audit.scheduler.status` (``gelt-audit status``): the last runs and the next slots.
- :mod:`~gelt_audit.scheduler.slots`: when each report is due; :mod:`~gelt_audit.scheduler.signals`:
  stopping cleanly on SIGTERM/SIGINT/SIGHUP.
"""
