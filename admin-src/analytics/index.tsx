/**
 * Internal dependencies
 */
import { mountAdminPage } from '../shared/mount';
import AnalyticsPage from './components/AnalyticsPage';

mountAdminPage( 'agentic-writer-analytics-root', <AnalyticsPage /> );
