/**
 * Internal dependencies
 */
import { readAdminConfig } from '../shared/admin-config';
import { mountAdminPage } from '../shared/mount';
import SettingsPage from './components/SettingsPage';
import './settings-page.css';

mountAdminPage(
	'agentic-writer-settings-root',
	<SettingsPage config={ readAdminConfig( window.agenticWriterAdmin ) } />
);
