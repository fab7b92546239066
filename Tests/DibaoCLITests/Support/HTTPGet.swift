import DibaoTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `GET path` on localhost:`port` over a plain socket (HTTP/1.1, `Connection: close`): the
/// status code and body, or nil when nothing answers there. Enough for probing a child
/// `serve`, without FoundationNetworking (which needs libcurl at run time). Runs on a thread
/// of its own, and gives up after `timeoutSeconds` without a byte sent or received.
func httpGet(port: Int, path: String, timeoutSeconds: Int = 5) async throws -> (status: Int, body: String)? {
    try await offPool { blockingGet(port: port, path: path, timeoutSeconds: timeoutSeconds) }
}

private func blockingGet(port: Int, path: String, timeoutSeconds: Int) -> (status: Int, body: String)? {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
        setsockopt(descriptor, SOL_SOCKET, option, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
    guard connected else { return nil }

    let request = Array("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8)
    var sent = 0
    while sent < request.count {
        let count = request[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return nil }
        sent += count
    }
    // The server closes the connection after the response (`Connection: close`).
    var response: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 && errno == EINTR { continue }
        guard count >= 0 else { return nil }
        if count == 0 { break }
        response += buffer[0..<count]
    }
    let text = String(decoding: response, as: UTF8.self)
    guard let head = text.range(of: "\r\n\r\n"),
          let status = text[..<head.lowerBound].split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
    return (status, String(text[head.upperBound...]))
}
