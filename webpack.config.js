/**
 * Extends @wordpress/scripts: three entries, output into the plugin's build folder.
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

module.exports = {
	...defaultConfig,
	entry: {
		'editor-sidebar': path.resolve( __dirname, 'blocks-src/sidebar/index.tsx' ),
		'admin-settings': path.resolve( __dirname, 'admin-src/settings/index.tsx' ),
		'admin-analytics': path.resolve(
			__dirname,
			'admin-src/analytics/index.tsx'
		),
	},
	output: {
		...defaultConfig.output,
		path: path.resolve( __dirname, 'plugin/build' ),
		// The package step writes the local backend zip into plugin/build/ too: keep it.
		clean: { keep: /agentic-writer-local-backend\.zip$/ },
	},
};
