import Foundation
import GRDB

extension AppDatabase {
    /// Stops the 48-hour clock of every open return request of `orderID` received by `at`: the
    /// seller authorized the return, refunded or closed the request. Returns the resolved requests.
    public func resolveReturn(orderID: String, resolution: ReturnResolution, at: Date) throws -> [ReturnRequest] {
        try write { db in
            var open = try ReturnRequest.filter(ReturnRequest.Columns.orderID == orderID)
                .filter(ReturnRequest.Columns.resolvedAt == nil)
                .filter(ReturnRequest.Columns.receivedAt <= at)
                .order(ReturnRequest.Columns.receivedAt).fetchAll(db)
            guard !open.isEmpty else { throw StoreError.noOpenReturnRequest(orderID: orderID) }
            for index in open.indices {
                open[index].resolvedAt = at
                open[index].resolution = resolution
                try open[index].update(db)
            }
            return open
        }
    }
}
