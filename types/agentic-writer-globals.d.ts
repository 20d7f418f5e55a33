/**
 * Data the admin pages receive from PHP (Admin_Menu::page_config()).
 */
interface Window {
	agenticWriterAdmin?: unknown;
}
