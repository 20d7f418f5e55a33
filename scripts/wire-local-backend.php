<?php
/**
 * npm start: points the dev site's plugin at the local backend it just started, over the plugin's own
 * REST settings route (as the settings page would). Touches only what the owner has not set:
 * the local backend's URL and key when no key is stored, and routing of text tasks to it when no
 * cloud provider has a key either (a fresh site would otherwise route to an OpenRouter without a key).
 *   php wire-local-backend.php INFO_JSON BACKEND_URL BACKEND_KEY
 */
[ , $info_file, $backend_url, $backend_key ] = $argv;
$info = json_decode( (string) file_get_contents( $info_file ), true );
$auth = $info['users']['admin']['login'] . ':' . $info['users']['admin']['app_password'];

/** One JSON request to the plugin's settings route; exits with the REST error on failure. */
function aw_settings( string $url, string $auth, ?array $body = null ): array {
	$ch = curl_init( $url . '/wp-json/agentic-writer/v1/settings' );
	curl_setopt_array(
		$ch,
		array(
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_USERPWD        => $auth,
			CURLOPT_TIMEOUT        => 30,
			CURLOPT_HTTPHEADER     => array( 'Content-Type: application/json' ),
		)
	);
	if ( null !== $body ) {
		curl_setopt( $ch, CURLOPT_POSTFIELDS, json_encode( $body ) );
	}
	$raw    = (string) curl_exec( $ch );
	$status = (int) curl_getinfo( $ch, CURLINFO_RESPONSE_CODE );
	if ( 200 !== $status ) {
		fwrite( STDERR, "settings route answered $status: $raw\n" );
		exit( 1 );
	}
	return json_decode( $raw, true );
}

$settings  = aw_settings( $info['url'], $auth );
$providers = $settings['providers'];
$patch     = array();
if ( empty( $providers['local_backend']['api_key_set'] ) ) {
	$patch['providers']['local_backend'] = array(
		'base_url' => $backend_url,
		'api_key'  => $backend_key,
	);
}
$cloud_keys = ! empty( $providers['openrouter']['api_key_set'] ) || ! empty( $providers['anthropic']['api_key_set'] )
	|| array() !== ( $providers['openai_compatible'] ?? array() );
if ( ! $cloud_keys && 'local_backend' !== $settings['routing']['simple']['text'] ) {
	$patch['provider_mode']             = 'local';
	$patch['routing']['simple']['text'] = 'local_backend';
}
if ( array() === $patch ) {
	fwrite( STDERR, "plugin settings left as they are (the owner has set them)\n" );
	exit( 0 );
}
aw_settings( $info['url'], $auth, $patch );
fwrite( STDERR, 'plugin settings: ' . implode( ', ', array_keys( $patch ) ) . " now point at the local backend\n" );
