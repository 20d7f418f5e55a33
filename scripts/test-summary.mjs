#!/usr/bin/env node
// Totals every suite's results in tests/results/ (JUnit XML from node:test, PHPUnit and Playwright;
// Jest's --json file) and prints a table and the plain closing line CI reads:
//   Summary: N passed, N failed, N skipped
// A suite that exited non-zero without reporting a failure (a crash, a compile error) counts as one
// failure, so a broken run can never add up to green. Exit status: 1 when anything failed.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[ 2 ] ?? 'tests/results';

function countJunit( xml ) {
	const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
	const re = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
	for ( const m of xml.matchAll( re ) ) {
		const body = m[ 3 ] ?? '';
		const name = /\bname="([^"]*)"/.exec( m[ 1 ] )?.[ 1 ] ?? '?';
		if ( /<(failure|error)\b/.test( body ) ) {
			counts.failed++;
			counts.failures.push( name );
		} else if ( /<skipped\b/.test( body ) ) {
			counts.skipped++;
		} else {
			counts.passed++;
		}
	}
	return counts;
}

function countJest( json ) {
	const r = JSON.parse( json );
	const failures = r.testResults.flatMap( ( f ) =>
		( f.assertionResults ?? [] ).filter( ( a ) => a.status === 'failed' ).map( ( a ) => a.fullName )
	);
	// A test file that failed to run (syntax error) has no assertion results but counts.
	const broken = r.numRuntimeErrorTestSuites ?? 0;
	return {
		passed: r.numPassedTests,
		failed: r.numFailedTests + broken,
		skipped: r.numPendingTests + ( r.numTodoTests ?? 0 ),
		failures: broken ? [ ...failures, `${ broken } test file(s) failed to run` ] : failures,
	};
}

const suites = existsSync( join( dir, 'suites.tsv' ) )
	? readFileSync( join( dir, 'suites.tsv' ), 'utf8' ).trim().split( '\n' ).filter( Boolean ).map( ( l ) => l.split( '\t' ) )
	: [];
const total = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
for ( const [ name, exitCode, resultFile, seconds ] of suites ) {
	const file = resultFile ? join( dir, resultFile ) : '';
	let c = { passed: 0, failed: 0, skipped: 0, failures: [] };
	if ( file && existsSync( file ) ) {
		const text = readFileSync( file, 'utf8' );
		c = file.endsWith( '.json' ) ? countJest( text ) : countJunit( text );
	}
	if ( Number( exitCode ) !== 0 && c.failed === 0 ) {
		c.failed = 1;
		c.failures.push( `${ name } exited with status ${ exitCode }` );
	}
	if ( Number( exitCode ) === 0 && c.passed + c.failed === 0 && ! file ) {
		c.passed = 1; // A check with no result file (lint, type check) counts as one test.
	}
	total.passed += c.passed;
	total.failed += c.failed;
	total.skipped += c.skipped;
	rows.push( { name, ...c, seconds } );
}

console.log( '\n' + 'suite'.padEnd( 28 ) + 'passed'.padStart( 8 ) + 'failed'.padStart( 8 ) + 'skipped'.padStart( 9 ) + 'seconds'.padStart( 9 ) );
for ( const r of rows ) {
	console.log( r.name.padEnd( 28 ) + String( r.passed ).padStart( 8 ) + String( r.failed ).padStart( 8 ) + String( r.skipped ).padStart( 9 ) + String( r.seconds ).padStart( 9 ) );
	for ( const f of r.failures.slice( 0, 20 ) ) {
		console.log( `    ✗ ${ f }` );
	}
}
console.log( `Summary: ${ total.passed } passed, ${ total.failed } failed, ${ total.skipped } skipped` );
process.exit( total.failed > 0 || rows.length === 0 ? 1 : 0 );
