/** The sidebar's @wordpress/data store. */
export const STORE_NAME = 'agentic-writer/sidebar';
