import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { startTestI18n } from './i18n';

// findBy*/waitFor wait up to 5 s (not 1 s): several suites share a loaded 2-core machine.
configure({ asyncUtilTimeout: 5_000 });
beforeEach(() => startTestI18n('en'));
afterEach(() => cleanup());
