'use client';

// Rendered when the root layout itself fails, so no translations are available: both languages, side by side.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem', maxWidth: '36rem', margin: '0 auto' }}>
        <h1>出错了 · Something went wrong</h1>
        <p>系统暂时无法完成这个操作，请稍后重试。</p>
        <p lang="en">The system could not complete this. Please try again later.</p>
        {error.digest && <p>{error.digest}</p>}
      </body>
    </html>
  );
}
