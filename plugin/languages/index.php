<?php
// Translation files (agentic-writer-<locale>.mo / .l10n.php / -<hash>.json) live here.
