<?php
/**
 * The local site under test, as the runtime describes it in info.json.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use WP_User;

/**
 * Site URL, database kind and the four test users.
 */
final class Site {

	/**
	 * `sqlite` or `mariadb` (AW_WP_DB).
	 */
	public static function db_kind(): string {
		return (string) $GLOBALS['aw_test_site']['db_kind'];
	}

	/**
	 * Base URL without trailing slash.
	 */
	public static function url(): string {
		return rtrim( (string) $GLOBALS['aw_test_site']['url'], '/' );
	}

	/**
	 * Login, password and application password of a role's user.
	 *
	 * @param string $role admin|editor|author|contributor|subscriber.
	 * @return array{login: string, password: string, app_password: string}
	 */
	public static function credentials( string $role ): array {
		if ( 'author' === $role && ! isset( $GLOBALS['aw_test_site']['users']['author'] ) ) {
			$GLOBALS['aw_test_site']['users']['author'] = self::make_author();
		}
		$users = $GLOBALS['aw_test_site']['users'];
		if ( ! isset( $users[ $role ] ) ) {
			throw new \InvalidArgumentException( "info.json has no user for role {$role}." );
		}
		return $users[ $role ];
	}

	/**
	 * An Author for sites whose info.json predates the runtime creating one (committed at
	 * once: call it outside a test's transaction). Its earlier test application passwords go.
	 *
	 * @return array{login: string, password: string, app_password: string}
	 */
	private static function make_author(): array {
		$user = get_user_by( 'login', 'author' );
		$id   = $user instanceof WP_User ? $user->ID : wp_insert_user(
			array(
				'user_login' => 'author',
				'user_pass'  => 'password',
				'user_email' => 'author@example.com',
				'role'       => 'author',
			)
		);
		if ( is_wp_error( $id ) ) {
			throw new \RuntimeException( 'Could not create the author user: ' . $id->get_error_message() );
		}
		foreach ( \WP_Application_Passwords::get_user_application_passwords( $id ) as $item ) {
			if ( 'phpunit' === $item['name'] ) {
				\WP_Application_Passwords::delete_application_password( $id, $item['uuid'] );
			}
		}
		[ $app ] = \WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'phpunit' ) );
		return array(
			'login'        => 'author',
			'password'     => 'password',
			'app_password' => $app,
		);
	}

	/**
	 * The WordPress user of a role.
	 *
	 * @param string $role admin|editor|contributor|subscriber.
	 */
	public static function user( string $role ): WP_User {
		$user = get_user_by( 'login', self::credentials( $role )['login'] );
		if ( ! $user instanceof WP_User ) {
			throw new \RuntimeException( "User for role {$role} does not exist on the site." );
		}
		return $user;
	}
}
