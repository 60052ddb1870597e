from gelt_audit.cli import main

raise SystemExit(main())
