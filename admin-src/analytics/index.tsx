/**
 * Internal dependencies
 */
import { mountAdminPage } from '../shared/mount';
import AnalyticsPage from './components/AnalyticsPage';
import { readAnalyticsConfig } from './page-config';
import './analytics-page.css';

mountAdminPage(
	'agentic-writer-analytics-root',
	<AnalyticsPage
		config={ readAnalyticsConfig( window.agenticWriterAdmin ) }
	/>
);
